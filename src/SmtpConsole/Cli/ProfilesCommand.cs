using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Cli;

/// <summary><c>smtpconsole profiles</c> and <c>smtpconsole profiles show NAME</c>.</summary>
internal sealed class ProfilesCommand
{
    private readonly Option<string?> _profileFile = new("--profile-file") { Description = CliLanguage.Text("Cli.Opt.ProfileFile") };
    private readonly Argument<string> _name = new("NAME") { Description = CliLanguage.Text("Cli.Profiles.Name") };
    private readonly Option<bool> _json = new("--json") { Description = CliLanguage.Text("Cli.Profiles.Json") };

    public Command Build()
    {
        var list = new Command("profiles", CliLanguage.Text("Cli.ProfilesDescription"));
        list.Options.Add(_profileFile);
        list.SetAction(result => Run(result, catalog =>
        {
            foreach (var line in ProfileListFormatter.Format(catalog, CliLanguage.Current)) Console.WriteLine(line);
            return catalog.HasErrors ? ExitCodes.ExpectationFailed : ExitCodes.Success;
        }));
        var show = new Command("show", CliLanguage.Text("Cli.ProfilesShowDescription"));
        show.Arguments.Add(_name);
        show.Options.Add(_profileFile);
        show.Options.Add(_json);
        show.SetAction(result => Run(result, catalog =>
        {
            string name = result.GetValue(_name)!;
            if (!catalog.Contains(name) && !catalog.IsInvalid(name))
            {
                var suggestions = catalog.Suggest(name);
                Console.Error.WriteLine("smtpconsole profiles: " + CliLanguage.Format("Cli.Err.NoProfileNamed", name, suggestions.Count > 0 ? CliLanguage.Format("Cli.Err.DidYouMeanSuffix", string.Join(", ", suggestions)) : string.Empty));
                return ExitCodes.UsageError;
            }
            if (result.GetValue(_json)) WriteJson(catalog, name);
            else foreach (var line in ProfileShowFormatter.Format(catalog, name, CliLanguage.Current)) Console.WriteLine(WrapForTerminal(line));
            return catalog.IsInvalid(name) ? ExitCodes.ExpectationFailed : ExitCodes.Success;
        }));
        list.Subcommands.Add(show);
        return list;
    }

    // On a terminal, a long note ("  - …") wraps by terminal columns under its text; table rows and pipes or files stay whole.
    private static string WrapForTerminal(string line)
    {
        try
        {
            return line.StartsWith("  - ", StringComparison.Ordinal) && !Console.IsOutputRedirected && Console.WindowWidth > 0 ? HelpWrap.Wrap(line, Console.WindowWidth) : line;
        }
        catch (IOException)
        {
            return line;
        }
    }

    private static void WriteJson(ProfileCatalog catalog, string name)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            ProfileShowJson.Write(w, catalog, name);
        stdout.Write("\n"u8);
    }

    private int Run(ParseResult result, Func<ProfileCatalog, int> action)
    {
        try
        {
            return action(ProfileTargets.LoadCatalog(result.GetValue(_profileFile), new Dictionary<string, string?>()));
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine("smtpconsole profiles: " + ex.Message);
            return ExitCodes.UsageError;
        }
    }
}
