using SmtpConsole.Core.Messages;
using System.Buffers.Binary;
using System.Text;

namespace SmtpConsole.Core.Sasl;

/// <summary>Reads an NTLM CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2) into words: who the server says it is, and its nonce.</summary>
public static class NtlmChallengeNote
{
    private const uint NegotiateUnicode = 0x00000001;

    public static string? Describe(byte[]? message)
    {
        if (message is null || message.Length < 32 || !message.AsSpan(0, 8).SequenceEqual("NTLMSSP\0"u8)) return null;
        var span = message.AsSpan();
        if (BinaryPrimitives.ReadUInt32LittleEndian(span[8..]) != 2) return null;
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
        var parts = new List<string>();
        if (Field(span, 12) is { } target) parts.Add(SaslDigestMessages.NtlmTarget(Text(target, flags)));
        parts.Add(SaslDigestMessages.NtlmServerChallenge(Convert.ToHexString(span.Slice(24, 8)).ToLowerInvariant()));
        if (message.Length >= 48 && Field(span, 40) is { } info)
        {
            foreach (var (id, value) in AvPairs(info))
            {
                string? name = id switch
                {
                    1 => "NetBIOS computer",
                    2 => "NetBIOS domain",
                    3 => "DNS computer",
                    4 => "DNS domain",
                    5 => "DNS forest",
                    _ => null,
                };
                if (name is not null) parts.Add($"{name} \"{Protocol.ServerText.Neutralize(Encoding.Unicode.GetString(value))}\"");
            }
        }
        return SaslDigestMessages.NtlmChallenge(string.Join(SaslNoteMessages.PartSeparator, parts));
    }

    private static byte[]? Field(ReadOnlySpan<byte> message, int at)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(message[at..]);
        int offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(message[(at + 4)..]);
        if (length == 0 || offset < 0 || offset + length > message.Length) return null;
        return message.Slice(offset, length).ToArray();
    }

    private static string Text(byte[] bytes, uint flags) =>
        Protocol.ServerText.Neutralize((flags & NegotiateUnicode) != 0 ? Encoding.Unicode.GetString(bytes) : Encoding.ASCII.GetString(bytes));

    private static IEnumerable<(int Id, byte[] Value)> AvPairs(byte[] info)
    {
        int i = 0;
        while (i + 4 <= info.Length)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(info.AsSpan(i));
            int length = BinaryPrimitives.ReadUInt16LittleEndian(info.AsSpan(i + 2));
            if (id == 0 || i + 4 + length > info.Length) yield break;
            yield return (id, info.AsSpan(i + 4, length).ToArray());
            i += 4 + length;
        }
    }
}
