using SmtpConsole.Core.Messages;
using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Cli;

/// <summary>
/// Writes the transcript to stdout as <c>C:</c>/<c>S:</c> lines (colours only on a terminal and when NO_COLOR is
/// unset) or as JSON lines.
/// </summary>
internal sealed class ConsoleTranscriptSink : ITranscriptSink
{
    private const string Reset = "\e[0m";
    private readonly TextWriter? _out;
    private readonly Stream? _json;
    private readonly TranscriptOutput? _output;
    private readonly bool _jsonLines;
    private readonly StringBuilder _text = new(); // the recorder calls sinks one at a time, under its lock
    private readonly bool _colour;
    private readonly bool _showSecrets;

    public ConsoleTranscriptSink(TextWriter output, Stream? jsonOutput, bool colour, bool showSecrets)
    {
        _out = output;
        _json = jsonOutput;
        _jsonLines = jsonOutput is not null;
        _colour = colour;
        _showSecrets = showSecrets;
    }

    /// <summary>Writes to stdout through <paramref name="output"/> (batched when stdout is not a terminal).</summary>
    public ConsoleTranscriptSink(TranscriptOutput output, bool json, bool colour, bool showSecrets)
    {
        _output = output;
        _jsonLines = json;
        _colour = colour;
        _showSecrets = showSecrets;
    }

    /// <summary>Colours when stdout is a terminal and NO_COLOR is not set (https://no-color.org).</summary>
    public static bool ShouldColour() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    public void Write(TranscriptEvent e)
    {
        if (_jsonLines && _output is not null)
        {
            _output.WriteBinary(stream =>
            {
                TranscriptJsonFormat.Write(stream, e, _showSecrets);
                stream.Write("\n"u8);
            });
            return;
        }
        if (_json is not null)
        {
            TranscriptJsonFormat.Write(_json, e, _showSecrets);
            _json.Write("\n"u8);
            _json.Flush();
            return;
        }
        var sb = _text.Clear();
        // Plain (redirected, NO_COLOR): appended without a string per line; 10,000 pipelined commands make 20,000 events.
        if (_colour) AppendColoured(sb, e);
        else TranscriptTextFormat.AppendLines(sb, e, _showSecrets);
        // The language (an AsyncLocal read) only when there is a remedy to word: most events have none.
        if (e.Remedy != Remedy.None && CliRemedies.For(e.Remedy, CoreMessages.Language) is { } remedy)
        {
            string line = "#    ↳ " + remedy;
            sb.Append(_colour ? "\e[2m" + line + Reset : line).Append('\n');
        }
        if (_output is not null)
        {
            _output.WriteText(sb);
            return;
        }
        _out!.Write(sb.ToString());
        _out.Flush();
    }

    private void AppendColoured(StringBuilder sb, TranscriptEvent e)
    {
        string colour = ColourFor(e);
        foreach (var line in TranscriptTextFormat.FormatLines(e, _showSecrets))
        {
            if (line.StartsWith(TranscriptTextFormat.NotePrefix, StringComparison.Ordinal)) sb.Append("\e[2m").Append(line).Append(Reset);
            else sb.Append(colour).Append(line).Append(Reset);
            sb.Append('\n');
        }
    }

    private static string ColourFor(TranscriptEvent e) => e.Kind switch
    {
        TranscriptEventKind.Reply => e.Reply?.Class switch
        {
            ReplyClass.PositiveCompletion => "\e[32m",
            ReplyClass.PositiveIntermediate => "\e[36m",
            ReplyClass.TransientNegative => "\e[33m",
            ReplyClass.PermanentNegative => "\e[31m",
            _ => "\e[35m",
        },
        TranscriptEventKind.Send => "\e[1m",
        TranscriptEventKind.Warn => "\e[33m",
        TranscriptEventKind.Error => "\e[1;31m",
        TranscriptEventKind.Expect => e.Passed == true ? "\e[32m" : "\e[1;31m",
        TranscriptEventKind.Tls or TranscriptEventKind.Connect => "\e[34m",
        _ => "\e[2m",
    };
}
