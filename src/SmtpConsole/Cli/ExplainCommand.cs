using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole explain "REPLY"</c>: what a reply means and what to do, from the knowledge base.</summary>
internal sealed class ExplainCommand
{
    private readonly Argument<string[]> _text = new("REPLY") { Description = "The reply or log line (reads stdin when omitted)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _host = new("--host") { Description = "The server's host name (helps recognise the provider)" };
    private readonly Option<string?> _provider = new("--provider") { Description = "Provider id (gmail, microsoft365, qq, 163, …) when the host doesn't tell" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the explanation as JSON" };

    public Command Build()
    {
        var command = new Command("explain", "Explain an SMTP reply: class, enhanced code meaning, provider-specific cause and fix");
        command.Arguments.Add(_text);
        command.Options.Add(_host);
        command.Options.Add(_provider);
        command.Options.Add(_json);
        command.SetAction(async (result, ct) =>
        {
            string[] words = result.GetValue(_text) ?? [];
            string text = words.Length > 0 ? string.Join(' ', words) : await Console.In.ReadToEndAsync(ct).ConfigureAwait(false);
            var parsed = PastedReplyParser.Parse(text);
            if (!parsed.IsSuccess)
            {
                await Console.Error.WriteLineAsync("smtpconsole explain: " + parsed.Error).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            var facts = parsed.Facts!;
            // Pasted text is shown back: escapes and invisible characters become visible, as in every other view.
            facts = facts with { Lines = [.. facts.Lines.Select(ServerText.Neutralize)] };
            if (result.GetValue(_host) is { } host) facts = facts with { Host = host };
            if (result.GetValue(_provider) is { } provider) facts = facts with { ProviderHint = provider };
            var explanation = ReplyExplainer.Explain(facts);
            if (result.GetValue(_json))
            {
                using var stdout = Console.OpenStandardOutput();
                using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    ExplanationFormatter.WriteJson(w, explanation);
                stdout.Write("\n"u8);
            }
            else
            {
                foreach (var line in ExplanationFormatter.FormatText(explanation)) Console.WriteLine(ServerText.NeutralizeLines(line));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
