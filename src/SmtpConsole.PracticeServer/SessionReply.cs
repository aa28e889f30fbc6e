using System.Globalization;
using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// The server's answer to one input, as complete reply lines (for example <c>250-PIPELINING</c>), plus the
/// <see cref="SessionAction"/> the connection loop must take next.
/// </summary>
public sealed class SessionReply
{
    private SessionReply(IReadOnlyList<string> lines, SessionAction action, long chunkSize)
    {
        Lines = lines;
        Action = action;
        ChunkSize = chunkSize;
    }

    /// <summary>No reply text and nothing special to do.</summary>
    public static SessionReply Nothing { get; } = new([], SessionAction.None, 0);

    /// <summary>The reply lines without CRLF, in the order they go on the wire. May hold more than one reply (an error followed by 421).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>What the connection loop does next.</summary>
    public SessionAction Action { get; }

    /// <summary>For <see cref="SessionAction.ReadChunk"/>: how many bytes of BDAT content follow the command.</summary>
    public long ChunkSize { get; }

    /// <summary>The three-digit code of the first line, or 0 when there is no text.</summary>
    public int Code => Lines.Count == 0 ? 0 : int.Parse(Lines[0].AsSpan(0, 3), CultureInfo.InvariantCulture);

    /// <summary>True when the last reply is a 4xx or 5xx, which counts towards the client's error limit.</summary>
    public bool IsError => Lines.Count > 0 && Lines[^1][0] is '4' or '5';

    /// <summary>A single-line reply.</summary>
    public static SessionReply Line(string line, SessionAction action = SessionAction.None) => new([line], action, 0);

    /// <summary>A multi-line reply: every line but the last gets a hyphen after the code (RFC 5321 section 4.2.1).</summary>
    public static SessionReply Multiline(int code, IReadOnlyList<string> texts, SessionAction action = SessionAction.None)
    {
        var lines = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var separator = i == texts.Count - 1 ? ' ' : '-';
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{code}{separator}{texts[i]}");
        }

        return new(lines, action, 0);
    }

    /// <summary>Tells the connection to read a BDAT chunk of <paramref name="size"/> bytes; the reply comes after the chunk.</summary>
    public static SessionReply ReadChunk(long size) => new([], SessionAction.ReadChunk, size);

    /// <summary>This reply followed by <paramref name="next"/>, taking the action of <paramref name="next"/>.</summary>
    public SessionReply FollowedBy(SessionReply next) => new([.. Lines, .. next.Lines], next.Action, next.ChunkSize);

    /// <summary>The same lines with a different action.</summary>
    public SessionReply WithAction(SessionAction action) => new(Lines, action, ChunkSize);

    /// <summary>The bytes to send: every line terminated by CRLF.</summary>
    public byte[] ToWireBytes()
    {
        var builder = new StringBuilder();
        foreach (var line in Lines)
        {
            builder.Append(line).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>The lines joined with CRLF, as they look on the wire.</summary>
    public override string ToString() => string.Join("\r\n", Lines);
}
