using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole explain "REPLY"</c>: what a reply means and what to do, from the knowledge base.</summary>
internal sealed class ExplainCommand
{
    private readonly Argument<string[]> _text = new("REPLY") { Description = "The reply or log line (reads stdin when omitted or '-')", Arity = ArgumentArity.ZeroOrMore };
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
            // "explain -" reads the reply from stdin, like omitting it.
            string text = words.Length > 0 && !(words.Length == 1 && words[0] == "-")
                ? string.Join(' ', words)
                : await Console.In.ReadToEndAsync(ct).ConfigureAwait(false);
            string? host = result.GetValue(_host), provider = result.GetValue(_provider);
            var (explanation, error) = PastedReplyExplainer.Explain(text, f => f with
            {
                Host = host ?? f.Host,
                ProviderHint = provider ?? f.ProviderHint,
            });
            if (explanation is null)
            {
                await Console.Error.WriteLineAsync("smtpconsole explain: " + error).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            if (result.GetValue(_json))
            {
                using var stdout = Console.OpenStandardOutput();
                using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    ExplanationFormatter.WriteJson(w, explanation);
                stdout.Write("\n"u8);
            }
            else
            {
                foreach (var line in ExplanationFormatter.FormatText(explanation)) Console.WriteLine(line);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
