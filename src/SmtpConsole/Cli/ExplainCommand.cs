using System.CommandLine;
using SmtpConsole.Core.Messages;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole explain "REPLY"</c>: what a reply means and what to do, from the knowledge base.</summary>
internal sealed class ExplainCommand
{
    private readonly Argument<string[]> _text = new("REPLY") { Description = CliLanguage.Text("Cli.Explain.ReplyArgument"), Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _host = new("--host") { Description = CliLanguage.Text("Cli.Explain.HostOption") };
    private readonly Option<string?> _provider = new("--provider") { Description = CliLanguage.Text("Cli.Explain.ProviderOption") };
    private readonly Option<bool> _json = new("--json") { Description = CliLanguage.Text("Cli.Explain.JsonOption") };
    private readonly Option<string?> _after = new("--after") { Description = CliLanguage.Text("Cli.Explain.AfterOption") };

    public Command Build()
    {
        var command = new Command("explain", CliLanguage.Text("Cli.ExplainDescription")) { _text, _host, _provider, _json, _after };
        command.SetAction(async (result, ct) =>
        {
            string[] words = result.GetValue(_text) ?? [];
            // "explain -" reads the reply from stdin, like omitting it.
            string text = words.Length > 0 && !(words.Length == 1 && words[0] == "-")
                ? string.Join(' ', words)
                : await Console.In.ReadToEndAsync(ct).ConfigureAwait(false);
            string? host = result.GetValue(_host), provider = result.GetValue(_provider);
            var after = result.GetValue(_after) is { Length: > 0 } line ? PendingCommand.Command(line.Trim(), line.Trim()) : null;
            ReplyFacts? seen = null;
            var (explanation, error) = PastedReplyExplainer.Explain(text, f => seen = f with
            {
                // Pasted text is shown back: escapes and invisible characters become visible, as in every other view.
                Lines = [.. f.Lines.Select(ServerText.Neutralize)],
                Host = host ?? f.Host,
                ProviderHint = provider ?? f.ProviderHint,
                Phase = after?.Verb ?? f.Phase,
            });
            if (explanation is null)
            {
                await Console.Error.WriteLineAsync("smtpconsole explain: " + error).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            var cause = SessionStateHints.For(after, seen?.Code ?? 0, seen?.Text ?? text, state: null);
            if (result.GetValue(_json))
            {
                using var stdout = Console.OpenStandardOutput();
                using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    WriteJson(w, explanation, cause);
                stdout.Write("\n"u8);
            }
            else
            {
                // The session-state hint is worded by the engine, in English unless told otherwise; JSON above keeps it English.
                CoreMessages.Language = CliLanguage.Current;
                cause = SessionStateHints.For(after, seen?.Code ?? 0, seen?.Text ?? text, state: null);
                if (cause is not null) Console.WriteLine(CliLanguage.Format("Cli.Explain.LikelyCause", ServerText.NeutralizeLines(cause.Text)));
                foreach (var shown in ExplanationFormatter.FormatText(explanation, language: CliLanguage.Current)) Console.WriteLine(ServerText.NeutralizeLines(shown));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The knowledge base's JSON with the session-state cause (<c>cause</c>: rule and text) added when one applies.</summary>
    private static void WriteJson(Utf8JsonWriter w, Explanation explanation, SessionStateHint? cause)
    {
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer))
            ExplanationFormatter.WriteJson(inner, explanation, language: CliLanguage.Current);
        using var document = JsonDocument.Parse(buffer.ToArray());
        w.WriteStartObject();
        if (cause is not null)
        {
            w.WriteStartObject("cause");
            w.WriteString("rule", cause.Rule.ToString());
            w.WriteString("text", cause.Text);
            w.WriteString("remedy", cause.Remedy.ToString());
            w.WriteEndObject();
        }
        foreach (var property in document.RootElement.EnumerateObject()) property.WriteTo(w);
        w.WriteEndObject();
    }
}
