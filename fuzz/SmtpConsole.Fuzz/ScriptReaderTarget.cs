using System.Text;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Fuzz;

/// <summary>
/// ScriptReader.Read over arbitrary text, then what ScriptRunner does with each line before and while it runs:
/// variable expansion, CommandLineParser.Parse, ExpectationSpec.Parse. Only the documented exceptions may escape
/// the parsers, and a line the reader accepted as an expectation must be one the runner can evaluate.
/// </summary>
internal static class ScriptReaderTarget
{
    private static readonly SmtpReply Sample = SmtpReply.Create(250, "2.0.0 Ok: queued as ABC", "second line");

    public static void Run(byte[] data)
    {
        string text = Encoding.UTF8.GetString(data);
        ScriptDocument? document = null;
        try
        {
            document = ScriptReader.Read(text, "fuzz.smtp");
        }
        catch (ScriptSyntaxException)
        {
        }

        if (document is not null)
        {
            var values = document.Variables.ToDictionary(v => v, v => "v", StringComparer.Ordinal);
            foreach (var line in document.Lines)
            {
                switch (line.Kind)
                {
                    case ScriptLineKind.ExpectCode:
                        Invariants.Check(line.ExpectedCode is not null, "an expectation line without a code");
                        // ScriptRunner parses this without a try: the reader must only produce codes that parse.
                        ExpectationSpec.Parse(line.ExpectedCode!).Evaluate(Sample);
                        break;
                    case ScriptLineKind.Command:
                        ParseCommand(VariableResolver.Expand(line.Text, values));
                        break;
                    default:
                        _ = DotStuffer.StuffLine(line.Text);
                        break;
                }
            }
        }

        foreach (var line in text.Split('\n'))
        {
            ParseCommand(line);
            try
            {
                ExpectationSpec.Parse(line).Evaluate(Sample);
            }
            catch (CommandSyntaxException)
            {
            }
        }
    }

    private static void ParseCommand(string line)
    {
        ConsoleCommand command;
        try
        {
            command = CommandLineParser.Parse(line);
        }
        catch (CommandSyntaxException)
        {
            return;
        }
        switch (command)
        {
            case ExpectCommand expect:
                expect.Spec.Evaluate(Sample);
                expect.Spec.Evaluate(null);
                break;
            case AuthCommand auth:
                // The display is what history and transcripts keep: mechanism, user and flags only, never the secret.
                string shown = $"/auth {auth.Mechanism.ToLowerInvariant()} {auth.User}";
                Invariants.Check(auth.Display is var d && (d == shown || d == shown + " --initial" || d == shown + " --no-initial"),
                    "the /auth display holds more than the mechanism, the user and a flag");
                break;
            case ConnectCommand connect:
                Invariants.Check(SmtpCommandText.Problem(connect.Target) is null, "a /connect target with CR, LF or NUL was accepted");
                break;
        }
    }
}
