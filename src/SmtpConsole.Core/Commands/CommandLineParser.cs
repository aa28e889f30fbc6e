using System.Globalization;
using System.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Commands;

/// <summary>
/// Parses one line of the command language. Lines not starting with '/' or '#' are raw SMTP; '/' starts a helper.
/// Pure: no I/O, so every form is table-tested.
/// </summary>
public static class CommandLineParser
{
    private static readonly string[] HelperNames =
        ["/connect", "/ehlo", "/starttls", "/auth", "/data", "/bdat", "/pipeline", "/compose", "/b64", "/unb64", "/expect", "/mx", "/rset", "/quit", "/help"];

    /// <summary>Helper names with a one-line synopsis in English, for completion and <c>/help</c>.</summary>
    public static IReadOnlyList<(string Name, string Synopsis)> Helpers { get; } =
        [.. HelperNames.Select(name => (name, Synopsis(name, UiLanguage.English)))];

    /// <summary>A helper's synopsis in <paramref name="language"/>: the syntax as typed, the explanation translated (<c>Help.Synopsis.*</c>).</summary>
    public static string Synopsis(string helper, UiLanguage language) => MessageCatalog.Get("Help.Synopsis." + helper.TrimStart('/'), language);

    public static ConsoleCommand Parse(string line)
    {
        string trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#')) return new CommentCommand(trimmed) { Display = trimmed };
        if (!trimmed.StartsWith('/'))
        {
            // A BDAT chunk must follow its command at once, byte-counted: typed as a line, the console waits for a reply
            // the server never sends, and the next line (or the closing QUIT) becomes message data and is delivered.
            // "BDAT 0 LAST" and malformed sizes carry no data and stay sendable (learners try them).
            if (SmtpCommandText.Verb(trimmed) == "BDAT" && BdatSize(trimmed) is { } size)
                throw new CommandSyntaxException(RunnerMessages.RawBdatWithData(size));
            return new RawCommand(line.TrimEnd('\r', '\n')) { Display = line };
        }

        int space = trimmed.IndexOfAny([' ', '\t']);
        string name = (space < 0 ? trimmed : trimmed[..space]).ToLowerInvariant();
        string rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        var args = Tokenize(rest);
        return name switch
        {
            "/connect" or "/open" => ParseConnect(args, trimmed),
            "/ehlo" => new EhloCommand(Optional(args, name, 1), false) { Display = trimmed },
            "/helo" => new EhloCommand(Optional(args, name, 1), true) { Display = trimmed },
            "/starttls" or "/tls" => NoArgs(args, name, new StartTlsCommand { Display = "/starttls" }),
            "/auth" => ParseAuth(args),
            "/data" => ParseData(args, trimmed),
            "/bdat" => ParseBdat(args, trimmed),
            "/compose" => ComposeCommandParser.Parse(args, trimmed),
            "/b64" => new Base64EncodeCommand(rest) { Display = trimmed },
            "/unb64" => new Base64DecodeCommand(rest) { Display = trimmed },
            "/expect" => new ExpectCommand(ExpectationSpec.Parse(rest)) { Display = trimmed },
            "/pipeline" => NoArgs(args, name, new PipelineStartCommand { Display = "/pipeline" }),
            "/end" => NoArgs(args, name, new PipelineEndCommand { Display = "/end" }),
            "/mx" => args.Count == 1 ? new MxCommand(args[0]) { Display = trimmed } : throw new CommandSyntaxException(Say("Help.Usage.Mx")),
            "/quit" or "/exit" => NoArgs(args, name, new QuitCommand { Display = "/quit" }),
            // The slash stays: "/help /quit" is the helper, "/help quit" the SMTP verb.
            "/help" or "/?" => new HelpCommand(args.Count > 0 ? args[0] : null) { Display = trimmed },
            "/rset" or "/noop" => NoArgs(args, name, new RawCommand(name[1..].ToUpperInvariant()) { Display = trimmed }),
            "/vrfy" or "/expn" => args.Count == 1 ? new RawCommand($"{name[1..].ToUpperInvariant()} {args[0]}") { Display = trimmed }
                                                  : throw new CommandSyntaxException(Say("Help.Usage.Address", name)),
            _ => throw new CommandSyntaxException(Say("Help.Error.UnknownHelper", name, Suggest(name))),
        };
    }

    /// <summary>Splits arguments on spaces; "double" or 'single' quotes keep spaces; no escapes besides quotes.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        bool inToken = false;
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inToken) tokens.Add(current.ToString());
                current.Clear();
                inToken = false;
                continue;
            }
            current.Append(c);
            inToken = true;
        }
        if (quote != '\0') throw new CommandSyntaxException(Say("Help.Error.UnterminatedQuote", quote));
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }

    /// <summary>Quotes a value so <see cref="Tokenize"/> gives it back unchanged (quotes of the other kind carry quotes).</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')) return value;
        if (!value.Contains('"')) return "\"" + value + "\"";
        if (!value.Contains('\'')) return "'" + value + "'";
        return string.Concat(value.Split('"').Select((piece, i) => (i > 0 ? "'\"'" : string.Empty) + (piece.Length > 0 ? "\"" + piece + "\"" : string.Empty)));
    }

    private static ConnectCommand ParseConnect(List<string> args, string display)
    {
        string? target = null;
        int? port = null;
        SecurityMode? security = null;
        bool insecure = false;
        string? caFile = null;
        Uri? proxy = null;
        bool noProxy = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            switch (a.ToLowerInvariant())
            {
                case "--tls" or "--ssl": security = Pick(security, SecurityMode.Tls); break;
                case "--starttls": security = Pick(security, SecurityMode.StartTls); break;
                case "--plain": security = Pick(security, SecurityMode.Plain); break;
                case "--insecure": insecure = true; break;
                case "--cafile":
                    if (++i >= args.Count) throw new CommandSyntaxException(Say("Help.Error.ConnectCaFile"));
                    caFile = args[i];
                    break;
                case "--proxy":
                    if (++i >= args.Count) throw new CommandSyntaxException(Say("Help.Error.ConnectProxyUrl"));
                    if (!Proxy.ProxyAddress.TryParse(args[i], out _, out string? proxyProblem)) throw new CommandSyntaxException(Say("Help.Error.ConnectProxy", proxyProblem));
                    proxy = new Uri(args[i]);
                    break;
                case "--no-proxy": noProxy = true; break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal)) throw new CommandSyntaxException(Say("Help.Error.ConnectUnknownOption", a));
                    if (target is null) target = a;
                    else if (port is null) port = ParsePort(a);
                    else throw new CommandSyntaxException(Say("Help.Error.ConnectUnexpected", a));
                    break;
            }
        }
        if (target is null) throw new CommandSyntaxException(Say("Help.Usage.Connect"));
        if (port is null && target.Count(c => c == ':') == 1 && !target.StartsWith("mx:", StringComparison.OrdinalIgnoreCase))
        {
            // host:port, as people paste it
            int colon = target.IndexOf(':');
            port = ParsePort(target[(colon + 1)..]);
            target = target[..colon];
        }
        if (SmtpCommandText.Problem(target) is { } problem) throw new CommandSyntaxException(Say("Help.Error.Connect", problem));
        if (!target.StartsWith("mx:", StringComparison.OrdinalIgnoreCase) && ConnectLimits.HostProblem(target) is { } hostProblem)
            throw new CommandSyntaxException(Say("Help.Error.Connect", hostProblem));
        if (proxy is not null && noProxy) throw new CommandSyntaxException(Say("Help.Error.ConnectProxyOrNoProxy"));
        if (proxy is not null && proxy.UserInfo.Length > 0)
        {
            // Rebuilt from the parsed words, not by search-and-replace in the typed text: whatever the quoting or
            // spelling, the credential cannot survive into the transcript or history.
            display = "/connect " + string.Join(' ', args.Select(a => Proxy.ProxyAddress.TryParse(a, out _, out _) && Uri.TryCreate(a, UriKind.Absolute, out var u) && u.UserInfo.Length > 0
                ? Proxy.ProxyAddress.Redact(u)
                : Quote(a)));
        }
        return new ConnectCommand(target, port, security, insecure, caFile) { Display = display, Proxy = proxy, NoProxy = noProxy };
    }

    private static AuthCommand ParseAuth(List<string> args)
    {
        var initial = InitialResponseMode.Auto;
        var positional = new List<string>();
        foreach (var a in args)
        {
            switch (a.ToLowerInvariant())
            {
                case "--initial" or "--ir": initial = InitialResponseMode.Always; break;
                case "--no-initial" or "--no-ir": initial = InitialResponseMode.Never; break;
                default: positional.Add(a); break;
            }
        }
        if (positional.Count is < 2 or > 3)
            throw new CommandSyntaxException(Say("Help.Usage.Auth"));
        string mechanism = positional[0].ToUpperInvariant();
        if (!AuthRequest.SupportedMechanisms.Contains(mechanism))
            throw new CommandSyntaxException(Say("Help.Error.AuthUnknownMechanism", positional[0], string.Join(", ", AuthRequest.SupportedMechanisms).ToLowerInvariant()));
        string flags = initial switch { InitialResponseMode.Always => " --initial", InitialResponseMode.Never => " --no-initial", _ => string.Empty };
        return new AuthCommand(mechanism, positional[1], positional.Count == 3 ? positional[2] : null, initial)
        {
            // Never the secret: this is what history and the transcript keep.
            Display = $"/auth {mechanism.ToLowerInvariant()} {positional[1]}{flags}",
        };
    }

    private static DataCommand ParseData(List<string> args, string display)
    {
        if (args.Count == 0) return new DataCommand(null) { Display = display };
        if (args.Count == 1 && args[0].StartsWith('@') && args[0].Length > 1) return new DataCommand(args[0][1..]) { Display = display };
        throw new CommandSyntaxException(Say("Help.Usage.Data"));
    }

    private static BdatCommand ParseBdat(List<string> args, string display)
    {
        string? file = null;
        int chunk = 64 * 1024;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--chunk")
            {
                if (++i >= args.Count || !int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out chunk) || chunk <= 0 || chunk > ConnectLimits.MaxBdatChunk)
                    throw new CommandSyntaxException(Say("Help.Error.BdatChunk", ConnectLimits.MaxBdatChunk));
            }
            else if (args[i].StartsWith('@') && args[i].Length > 1 && file is null) file = args[i][1..];
            else throw new CommandSyntaxException(Say("Help.Usage.Bdat"));
        }
        return file is null ? throw new CommandSyntaxException(Say("Help.Usage.Bdat")) : new BdatCommand(file, chunk) { Display = display };
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536
            ? port
            : throw new CommandSyntaxException(Say("Help.Error.NotAPort", text));

    private static SecurityMode Pick(SecurityMode? current, SecurityMode next) =>
        current is null || current == next ? next : throw new CommandSyntaxException(Say("Help.Error.ConnectOneSecurityMode"));

    private static string? Optional(List<string> args, string name, int max) =>
        args.Count <= max ? args.FirstOrDefault() : throw new CommandSyntaxException(Say("Help.Error.TooManyArguments", name));

    private static T NoArgs<T>(List<string> args, string name, T command) =>
        args.Count == 0 ? command : throw new CommandSyntaxException(Say("Help.Error.NoArguments", name));

    // Parse errors in the language the engine speaks (the TUI's, or English for scripts).
    /// <summary>The chunk size of <c>BDAT N …</c> when it is a number above 0 (data would have to follow), else null.</summary>
    private static string? BdatSize(string line)
    {
        string[] words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && words[1].All(char.IsAsciiDigit) && words[1].TrimStart('0').Length > 0 ? words[1] : null;
    }

    private static string Say(string key, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, key, args);

    private static string Suggest(string name)
    {
        var best = Helpers.Select(h => h.Name).Concat(["/helo", "/noop", "/vrfy", "/expn", "/end"])
            .OrderBy(h => Distance(h, name)).First();
        return Distance(best, name) <= 2 ? Say("Help.Error.DidYouMean", best) : string.Empty;
    }

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
