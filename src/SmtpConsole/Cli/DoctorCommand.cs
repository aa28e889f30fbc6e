using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole doctor</c>: checks a server or profile end to end and prints a findings table.</summary>
internal sealed class DoctorCommand
{
    private readonly ConnectionArguments _connection = new();
    private readonly Argument<string?> _host = new("HOST") { Description = CliLanguage.Text("Cli.Doctor.Host"), Arity = ArgumentArity.ZeroOrOne };
    private readonly Argument<int?> _port = new("PORT") { Description = CliLanguage.Text("Cli.Arg.PortLikeMain"), Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _user = new("--user", "-u") { Description = CliLanguage.Text("Cli.Doctor.User") };
    private readonly Option<string?> _secretEnv = new("--secret-env") { Description = CliLanguage.Text("Cli.Doctor.SecretEnv") };
    private readonly Option<string?> _from = new("--from") { Description = CliLanguage.Text("Cli.Doctor.From") };
    private readonly Option<string?> _to = new("--to") { Description = CliLanguage.Text("Cli.Doctor.To") };
    private readonly Option<string?> _domain = new("--mx") { Description = CliLanguage.Text("Cli.Doctor.Mx") };
    private readonly Option<bool> _json = new("--json") { Description = CliLanguage.Text("Cli.Doctor.Json") };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = CliLanguage.Text("Cli.Doctor.Verbose") };
    private readonly Option<bool> _allowPlaintextAuth = new("--allow-plaintext-auth") { Description = CliLanguage.Text("Cli.Doctor.AllowPlaintextAuth") };

    public Command Build()
    {
        var command = new Command("doctor", CliLanguage.Text("Cli.DoctorDescription")) { _host, _port };
        _connection.AddTo(command);
        foreach (Option option in (Option[])[_user, _secretEnv, _from, _to, _domain, _json, _verbose, _allowPlaintextAuth]) command.Add(option);
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        DoctorOptions options;
        try
        {
            var defaults = _connection.Defaults(result);
            var resolved = ProfileTargets.ResolveWithProfile(_connection, result, result.GetValue(_host), result.GetValue(_port), defaults)
                ?? throw new UsageException(CliLanguage.Text("Cli.Err.DoctorNeedsTarget"));
            var (target, profile) = resolved;
            string? user = result.GetValue(_user) ?? profile?.User;
            string secretEnv = result.GetValue(_secretEnv) ?? profile?.SecretEnvironmentVariable ?? "SMTPCONSOLE_PASSWORD";
            string? secret = user is null ? null : Environment.GetEnvironmentVariable(secretEnv) ?? TerminalPrompt.ReadSecret(CliLanguage.Format("Cli.Prompt.SecretFor", user));
            options = new DoctorOptions
            {
                Target = target,
                User = user,
                Secret = secret,
                MailFrom = result.GetValue(_from),
                RcptTo = result.GetValue(_to),
                MailDomain = result.GetValue(_domain) ?? (user?.Contains('@') == true ? user[(user.IndexOf('@') + 1)..] : null),
                PreferredMechanisms = profile?.AuthMechanisms ?? [],
                AllowPlaintextAuth = result.GetValue(_allowPlaintextAuth),
                FromMustEqualLogin = profile?.FromMustEqualLogin ?? false,
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync("smtpconsole doctor: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        bool json = result.GetValue(_json);
        // The engine speaks the table's language (its connection and TLS messages appear in the details); JSON stays English.
        using var speak = CoreMessages.Speak(json ? UiLanguage.English : CliLanguage.Current);
        var recorder = new TranscriptRecorder();
        if (result.GetValue(_verbose)) recorder.AddSink(new ConsoleTranscriptSink(Console.Error, null, ConsoleTranscriptSink.ShouldColour(), false));
        var doctor = new SmtpDoctor(recorder, MxLookup.LookupAsync, ExplainHook.For(options.Target.Host, options.Target.Profile?.Provider));
        var report = await doctor.RunAsync(options, ct).ConfigureAwait(false);
        if (json) WriteJson(report);
        else WriteTable(report, ConsoleTranscriptSink.ShouldColour());
        return report.ConnectionFailed ? ExitCodes.ConnectionFailed : report.Failed ? ExitCodes.ExpectationFailed : ExitCodes.Success;
    }

    private static void WriteTable(DoctorReport report, bool colour)
    {
        int? width = null;
        try
        {
            if (!Console.IsOutputRedirected && Console.WindowWidth > 0) width = Console.WindowWidth;
        }
        catch (IOException)
        {
            // No terminal size: lines stay whole.
        }
        foreach (var line in DoctorTable.Format(report, CliLanguage.Current, colour, width)) Console.WriteLine(line);
    }

    private static void WriteJson(DoctorReport report)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteBoolean("failed", report.Failed);
        w.WriteBoolean("connectionFailed", report.ConnectionFailed);
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("check", f.Check);
            w.WriteString("status", f.Status.ToString().ToLowerInvariant());
            w.WriteString("detail", f.Detail);
            if (DoctorFixText.For(f, UiLanguage.English) is { } fix) w.WriteString("fix", fix);
            else w.WriteNull("fix");
            if (f.Remedies.Count > 0)
            {
                w.WriteStartArray("remedies");
                foreach (var remedy in f.Remedies) w.WriteStringValue(remedy.ToString());
                w.WriteEndArray();
            }
            if (f.CertificateProblems.Count > 0)
            {
                w.WriteStartArray("certificateProblems");
                foreach (var kind in f.CertificateProblems) w.WriteStringValue(kind.ToString());
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stdout.Write("\n"u8);
    }
}
