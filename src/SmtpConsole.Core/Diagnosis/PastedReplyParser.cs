using System.Globalization;
using System.Text.RegularExpressions;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>
/// Finds the SMTP reply in free-form pasted text: bare replies, transcripts (<c>S:</c>, <c>&lt;-</c>, <c>&lt;</c>,
/// <c>SERVER -&gt; CLIENT:</c>...), log lines with timestamps, MTA bounces (Postfix <c>said: ... (in reply to X command)</c>,
/// Exim <c>SMTP error from remote mail server after X:</c>) and library exception texts (nodemailer, PHPMailer,
/// Swift/Symfony, smtplib, JavaMail, Ruby, MailKit, System.Net.Mail).
/// </summary>
public static partial class PastedReplyParser
{
    private enum Direction { Unknown, Server, Client }

    private sealed record Line(string Content, Direction Direction, bool Indented);

    private sealed record Candidate(int Line, int Column, int Code, char Separator);

    /// <summary>Parses pasted text; returns the last error reply found (or the last reply when none is an error).</summary>
    public static PastedReplyParseResult Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return PastedReplyParseResult.Failure("Nothing to explain: the input is empty.");

        if (TupleRegex().Match(text) is { Success: true } tuple)
            return FromTuple(text, tuple);
        // PEAR Net_SMTP "(code: 530, response: 5.7.1 …)" and PHPMailer "Detail: 5.7.60 … SMTP code: 550" put the
        // code apart from the words; read them as one reply rather than taking a port or a bare code for it.
        if (PearReplyRegex().Match(text) is { Success: true } pear)
            return FromTuple(text, pear);
        if (PhpMailerDetailRegex().Match(text) is { Success: true } detail)
            return FromTuple(text, detail);
        // Roundcube: "SMTP Error (451): Failed to add recipient …" and, translated, "Error SMTP: [550] …".
        if (RoundcubeRegex().Match(text) is { Success: true } roundcube)
            return FromTuple(text, roundcube);

        string normalized = Normalize(text);
        var lines = normalized.Split('\n').Select(StripLine).ToList();
        var candidates = FindCandidates(lines);

        string? host = FindHost(normalized);
        string? greeting = FindGreeting(lines, candidates);

        if (candidates.Count == 0)
            return EnhancedOnly(normalized, host, greeting);

        var chosen = candidates.LastOrDefault(c => c.Code >= 400) ?? candidates[^1];
        // A library's "responseCode: 550" after its "response: '550 5.7.1 …'" repeats the code without the words:
        // the worded line is the reply.
        if (IsBare(lines, chosen) && candidates.LastOrDefault(c => c.Code == chosen.Code && c.Line < chosen.Line && !IsBare(lines, c)) is { } worded)
            chosen = worded;
        int chosenIndex = candidates.IndexOf(chosen);

        // Walk back over the earlier lines of a multi-line reply (NNN-text ... NNN text).
        int startIndex = chosenIndex;
        while (startIndex > 0)
        {
            var prev = candidates[startIndex - 1];
            var cur = candidates[startIndex];
            // A blank line or two inside a pasted multi-line reply (web mailers' logs) does not end it.
            bool adjacent = prev.Line == cur.Line - 1
                || (cur.Line - prev.Line <= 3 && Enumerable.Range(prev.Line + 1, cur.Line - prev.Line - 1).All(l => lines[l].Content.Length == 0));
            if (prev.Code != cur.Code || prev.Separator != '-' || !adjacent) break;
            startIndex--;
        }
        var start = candidates[startIndex];

        // Extend forward: following code lines of the same reply, then wrapped continuation lines.
        int endLine = chosen.Line;
        char lastSep = chosen.Separator;
        for (int i = chosenIndex + 1; i < candidates.Count; i++)
        {
            var next = candidates[i];
            if (next.Line != endLine + 1 || next.Code != chosen.Code || lastSep != '-') break;
            endLine = next.Line;
            lastSep = next.Separator;
        }
        bool wrapped = false;
        // "host x[ip] said: 550" with the words on the next (unindented) lines: the reply continues there.
        bool bareCode = lines[chosen.Line].Content[chosen.Column..].Trim().Length <= 4;
        var candidateLines = candidates.Select(c => c.Line).ToHashSet();
        string? firstEnhanced = FirstEnhanced(lines[start.Line].Content[start.Column..]);
        while (endLine + 1 < lines.Count && !ContainsInReplyTo(lines[endLine].Content))
        {
            var next = lines[endLine + 1];
            // smtplib and some relays repeat only the enhanced code on continuation lines ("5.7.1 more text").
            bool enhancedContinuation = firstEnhanced is not null && next.Content.StartsWith(firstEnhanced + " ", StringComparison.Ordinal);
            if (!(lastSep == '-' || next.Indented || enhancedContinuation || bareCode)) break;
            if (next.Content.Length == 0 || next.Direction == Direction.Client || candidateLines.Contains(endLine + 1)) break;
            if (StopLineRegex().IsMatch(next.Content)) break;
            endLine++;
            wrapped = true;
        }

        var regionLines = new List<string> { lines[start.Line].Content[start.Column..] };
        for (int l = start.Line + 1; l <= endLine; l++) regionLines.Add(lines[l].Content);
        string region = string.Join('\n', regionLines);

        string? phase = null;
        if (InReplyToRegex().Match(region) is { Success: true } inReply)
        {
            phase = ReplyFacts.NormalizePhase(inReply.Groups["cmd"].Value);
            region = region[..inReply.Index];
        }

        var (code, enhanced, replyLines) = SplitReply(region, start.Code, wrapped || lastSep == '-' && regionLines.Count > 1);
        // The reply's own words ("authentication failed") must not decide which command it answers.
        string context = string.Join('\n', lines.Select((l, i) =>
            i < start.Line || i > endLine ? l.Content : i == start.Line ? l.Content[..start.Column] : string.Empty));
        phase ??= PhaseFromPreceding(lines, start)
            ?? LastClientCommand(lines, start.Line)
            ?? PhaseFromText(lines[start.Line].Content[..start.Column])
            ?? PhaseFromText(context);

        return PastedReplyParseResult.Success(new ReplyFacts(code, enhanced, replyLines)
        {
            Host = host,
            Greeting = greeting,
            Phase = phase,
            FromRemoteServer = RemoteBounceRegex().IsMatch(context),
            ViaSubmissionRelay = SubmissionRelayRegex().IsMatch(context),
        });
    }

    private static bool IsBare(List<Line> lines, Candidate c) => lines[c.Line].Content[c.Column..].Trim().Length <= 4;

    private static string? FirstEnhanced(string replyStart)
    {
        string rest = replyStart.Length > 4 ? replyStart[4..].TrimStart() : string.Empty;
        return EnhancedStatusCode.TryParsePrefix(rest, out _, out int len) ? rest[..len] : null;
    }

    private static bool ContainsInReplyTo(string s) => s.Contains("(in reply to", StringComparison.OrdinalIgnoreCase);

    private static PastedReplyParseResult FromTuple(string text, Match tuple)
    {
        int code = int.Parse(tuple.Groups["code"].Value, CultureInfo.InvariantCulture);
        string body = Normalize(tuple.Groups["text"].Value);
        var (_, enhanced, lines) = SplitReply(code.ToString(CultureInfo.InvariantCulture) + " " + body, code, multiLine: false);
        string normalized = Normalize(text);
        return PastedReplyParseResult.Success(new ReplyFacts(code, enhanced, lines)
        {
            Host = FindHost(normalized),
            Phase = PhaseFromText(normalized),
        });
    }

    private static PastedReplyParseResult EnhancedOnly(string normalized, string? host, string? greeting)
    {
        var m = EnhancedOnlyRegex().Match(normalized);
        if (!m.Success)
            return PastedReplyParseResult.Failure(
                "No SMTP reply found: paste the server's reply line — it starts with a three-digit code such as 535 or 550 (optionally followed by an enhanced code like 5.7.8).",
                UncodedFacts(normalized, host, greeting));

        EnhancedStatusCode.TryParse(m.Groups["enh"].Value, out var enhanced);
        string before = normalized[..m.Index];
        int code;
        bool inferred = false;
        if (MailKitStatusRegex().Match(before) is { Success: true } mk && Enum.TryParse<MailKit.Net.Smtp.SmtpStatusCode>(mk.Groups["name"].Value, out var status))
            code = (int)status;
        else if (SystemNetMailCode(before) is { } snm)
            code = snm;
        else
        {
            code = enhanced!.Value.Class * 100;
            inferred = true;
        }
        int lineEnd = normalized.IndexOf('\n', m.Index);
        string rest = (lineEnd < 0 ? normalized[m.Index..] : normalized[m.Index..lineEnd]);
        rest = TrimJunk(rest[m.Groups["enh"].Length..].Trim());
        return PastedReplyParseResult.Success(new ReplyFacts(code, enhanced, [rest])
        {
            Host = host,
            Greeting = greeting,
            Phase = PhaseFromText(normalized),
            CodeInferred = inferred,
            FromRemoteServer = RemoteBounceRegex().IsMatch(before),
        });
    }

    // A client library may drop the code and keep only the words (SendGrid's "authorization grant is invalid…"
    // from some SDKs): the text rules can still name the cause, so keep the words for them, code unknown.
    private static ReplyFacts? UncodedFacts(string normalized, string? host, string? greeting)
    {
        var words = normalized.Split('\n').Select(StripLine).Select(l => l.Content).Where(l => l.Length > 0).ToList();
        if (words.Count == 0) return null;
        return new ReplyFacts(0, null, [TrimJunk(string.Join(' ', words))])
        {
            Host = host,
            Greeting = greeting,
            Phase = PhaseFromText(normalized),
            CodeInferred = true,
        };
    }

    // System.Net.Mail.SmtpException puts a fixed sentence per status code before "The server response was:".
    private static int? SystemNetMailCode(string before)
    {
        if (before.Contains("requires a secure connection or the client was not authenticated", StringComparison.OrdinalIgnoreCase)) return 530;
        if (before.Contains("Mailbox unavailable", StringComparison.OrdinalIgnoreCase)) return 550;
        if (before.Contains("Transaction failed", StringComparison.OrdinalIgnoreCase)) return 554;
        if (before.Contains("Insufficient system storage", StringComparison.OrdinalIgnoreCase)) return 452;
        if (before.Contains("Exceeded storage allocation", StringComparison.OrdinalIgnoreCase)) return 552;
        if (before.Contains("Mailbox name not allowed", StringComparison.OrdinalIgnoreCase)) return 553;
        if (before.Contains("Service not available", StringComparison.OrdinalIgnoreCase)) return 421;
        if (before.Contains("Error in processing", StringComparison.OrdinalIgnoreCase)) return 451;
        return null;
    }

    private static string Normalize(string text) =>
        text.Replace("\\r\\n", "\n", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\r", string.Empty, StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n');

    private static Line StripLine(string raw)
    {
        bool indented = raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t');
        string s = raw.Trim();
        var dir = Direction.Unknown;
        for (int guard = 0; guard < 12; guard++)
        {
            string before = s;
            if (TimestampRegex().Match(s) is { Success: true } ts) s = s[ts.Length..];
            if (LogNoiseRegex().Match(s) is { Success: true } noise) s = s[noise.Length..];
            if (ServerMarkerRegex().Match(s) is { Success: true } sm) { s = s[sm.Length..]; dir = Direction.Server; }
            else if (ClientMarkerRegex().Match(s) is { Success: true } cm) { s = s[cm.Length..]; dir = Direction.Client; }
            s = s.TrimStart();
            if (s == before) break;
        }
        if (dir == Direction.Unknown && BareCommandRegex().IsMatch(s)) dir = Direction.Client;
        return new Line(s.TrimEnd(), dir, indented);
    }

    private static List<Candidate> FindCandidates(List<Line> lines)
    {
        var list = new List<Candidate>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Direction == Direction.Client || line.Content.Length < 3) continue;
            if (LineStartReplyRegex().Match(line.Content) is { Success: true } ls)
            {
                list.Add(new Candidate(i, 0, int.Parse(ls.Groups["code"].Value, CultureInfo.InvariantCulture), SepOf(ls)));
                continue;
            }
            if (RetcodeRegex().Match(line.Content) is { Success: true } rc)
            {
                // smtplib's "retcode (503); Msg: …" repeats the "reply: '503 …'" line just above it.
                if (list.Count > 0 && list[^1].Line == i - 1 && list[^1].Code.ToString(CultureInfo.InvariantCulture) == rc.Groups["code"].Value) continue;
                list.Add(new Candidate(i, rc.Groups["code"].Index, int.Parse(rc.Groups["code"].Value, CultureInfo.InvariantCulture), ' '));
                continue;
            }
            if (EmbeddedReplyRegex().Match(line.Content) is { Success: true } em)
                list.Add(new Candidate(i, em.Groups["code"].Index, int.Parse(em.Groups["code"].Value, CultureInfo.InvariantCulture), SepOf(em)));
        }
        return list;
    }

    private static char SepOf(Match m) => m.Groups["sep"].Value is { Length: > 0 } s ? s[0] : ' ';

    private static (int Code, EnhancedStatusCode? Enhanced, List<string> Lines) SplitReply(string region, int code, bool multiLine)
    {
        string codeText = code.ToString(CultureInfo.InvariantCulture);
        IEnumerable<string> pieces;
        if (multiLine)
        {
            // Bounces re-wrap multi-line replies, leaving "421-4.7.0" markers mid-line (even split across lines).
            string flat = Regex.Replace(region, @"\s+", " ");
            pieces = Regex.Split(flat, @"\s+(?=" + codeText + @"[- ](?:[245]\.\d{1,3}\.\d{1,3}\b|\S))");
        }
        else
        {
            pieces = region.Split('\n');
        }

        EnhancedStatusCode? enhanced = null;
        string? enhancedText = null;
        var result = new List<string>();
        foreach (string raw in pieces)
        {
            string p = raw.Trim();
            if (p.StartsWith(codeText, StringComparison.Ordinal) && (p.Length == 3 || p[3] is ' ' or '-' or ':'))
                p = p.Length > 4 ? p[4..] : string.Empty;
            p = p.TrimStart();
            if (EnhancedStatusCode.TryParsePrefix(p, out var e, out int len) && (enhancedText is null || p[..len] == enhancedText))
            {
                enhancedText ??= p[..len];
                enhanced ??= e;
                p = p[len..].TrimStart();
            }
            p = TrimJunk(p);
            if (p.Length > 0 || result.Count == 0) result.Add(p);
        }
        return (code, enhanced, result);
    }

    private static string TrimJunk(string s)
    {
        s = s.Trim();
        while (s.Length > 0)
        {
            char last = s[^1];
            if (last is '\'' or '"' or ',' or '`')
                s = s[..^1].TrimEnd();
            else if (last == ')' && s.Count(ch => ch == '(') < s.Count(ch => ch == ')'))
                s = s[..^1].TrimEnd();
            else if (last == '}' && !s.Contains('{'))
                s = s[..^1].TrimEnd();
            else break;
        }
        return s;
    }

    private static string? FindGreeting(List<Line> lines, List<Candidate> candidates)
    {
        var c = candidates.FirstOrDefault(x => x.Code == 220 && x.Column == 0);
        if (c is null) return null;
        string s = lines[c.Line].Content;
        return s.Length > 4 ? s[4..].Trim() : null;
    }

    private static string? FindHost(string text)
    {
        foreach (var regex in new[] { HostBracketRegex(), HostWordRegex() })
            if (regex.Match(text) is { Success: true } m)
                return m.Groups["host"].Value.TrimEnd('.').ToLowerInvariant();
        return null;
    }

    private static string? PhaseFromPreceding(List<Line> lines, Candidate start)
    {
        // Exim puts "after RCPT TO:<x>:" on the line before "host x [ip]: 550 ..." in bounces.
        for (int l = start.Line; l >= Math.Max(0, start.Line - 2); l--)
        {
            string s = l == start.Line ? lines[l].Content[..start.Column] : lines[l].Content;
            if (EximAfterRegex().Match(s) is { Success: true } m) return ReplyFacts.NormalizePhase(m.Groups["cmd"].Value);
        }
        return null;
    }

    private static string? LastClientCommand(List<Line> lines, int beforeLine)
    {
        for (int l = beforeLine - 1; l >= 0; l--)
        {
            var line = lines[l];
            if (line.Direction != Direction.Client) continue;
            if (ClientVerbRegex().Match(line.Content) is { Success: true } verb
                && ReplyFacts.NormalizePhase(verb.Value) is { } phase) return phase;
            // Base64 lines during AUTH carry no verb; keep looking for the AUTH that started them.
        }
        return null;
    }

    /// <summary>Finds the command a reply answers from wrapper phrases, exception names and log fields.</summary>
    internal static string? PhaseFromText(string text)
    {
        if (InReplyToRegex().Match(text) is { Success: true } inReply) return ReplyFacts.NormalizePhase(inReply.Groups["cmd"].Value);
        if (EximAfterRegex().Match(text) is { Success: true } after) return ReplyFacts.NormalizePhase(after.Groups["cmd"].Value);
        if (CommandFailedRegex().Match(text) is { Success: true } failed) return ReplyFacts.NormalizePhase(failed.Groups["cmd"].Value);
        if (CommandFieldRegex().Match(text) is { Success: true } field) return ReplyFacts.NormalizePhase(field.Groups["cmd"].Value);
        if (ExpectedCodeRegex().Match(text) is { Success: true } expected)
            return expected.Groups["exp"].Value switch { "235" or "334" => "AUTH", "354" => "DATA", "220" => "STARTTLS", _ => null };
        if (StarttlsPhaseRegex().IsMatch(text)) return "STARTTLS";
        if (AuthPhaseRegex().IsMatch(text)) return "AUTH";
        if (MailPhaseRegex().IsMatch(text)) return "MAIL";
        if (RcptPhaseRegex().IsMatch(text)) return "RCPT";
        if (DataPhaseRegex().IsMatch(text)) return "DATA";
        if (ConnectPhaseRegex().IsMatch(text)) return "CONNECT";
        return null;
    }

    // smtplib's (code, b'text') and SMTPSenderRefused's (code, b'text', 'sender'): the text ends at its closing quote.
    [GeneratedRegex(@"\((?<code>[2-5]\d\d),\s*b?(?<q>['""])(?<text>.*?)(?:\k<q>\s*[),]|\z)", RegexOptions.Singleline)]
    private static partial Regex TupleRegex();

    [GeneratedRegex(@"\(code:\s*(?<code>[2-5]\d\d),\s*response:\s*(?<text>[^)\n]*(?:\([^)\n]*\)[^)\n]*)*)\)")]
    private static partial Regex PearReplyRegex();

    [GeneratedRegex(@"(?:SMTP\s+Error|Error\s+SMTP|Erreur\s+SMTP|SMTP-Fehler|Errore\s+SMTP|Erro\s+SMTP)\s*(?:\((?<code>[2-5]\d\d)\)|:\s*\[(?<code>[2-5]\d\d)\])\s*:?\s*(?<text>[^\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RoundcubeRegex();

    [GeneratedRegex(@"Detail:\s*(?<text>[^\n]*?)\s*\n?\s*SMTP code:\s*(?<code>[2-5]\d\d)\b")]
    private static partial Regex PhpMailerDetailRegex();

    [GeneratedRegex(@"^(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?|[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\]?|\d{4}/\d{2}/\d{2}\s+\d{2}:\d{2}:\d{2})\s*")]
    private static partial Regex TimestampRegex();

    [GeneratedRegex(@"^(?:-\s+(?=\S)|\d{1,4}\.\s+|(?:DEBUG|INFO|WARN(?:ING)?|ERROR|TRACE|NOTICE|CRITICAL)\b:?\s*|\[[^\]\s]{1,40}\]\s*|[A-Za-z][\w.\-]*\[[\w.:\-]+\]:\s+|[\w.\-]+\s+(?=[\w/\-]+\[\d+\]:)|[\w/\-]+\[\d+\]:\s+|LINE:\s*\d+\s*|\|\s*|\d+\|\s*)")]
    private static partial Regex LogNoiseRegex();

    [GeneratedRegex(@"^(?:S:\s?|<-\s?|<<<\s?|<<\s?|<\s(?=\d)|SERVER\s*->\s*CLIENT:\s*|SMTP<\s*|reply:\s*[bu]?'|S\s+\d+:\s*|.{0,60}?<<<\s?|└──\s*|Server:\s*)")]
    private static partial Regex ServerMarkerRegex();

    [GeneratedRegex(@"^(?:C:\s?|->\s?|>>>\s?|>>\s?|>\s|CLIENT\s*->\s*SERVER:\s*|SMTP>\s*|send:\s*[bu]?'|C\s+\d+:\s*|.{0,60}?>>>\s?|Client:\s*)")]
    private static partial Regex ClientMarkerRegex();

    [GeneratedRegex(@"^(?:(?:EHLO|HELO|LHLO)\s+\S+|AUTH\s+[A-Z0-9\-]+.*|MAIL FROM:.*|RCPT TO:.*|STARTTLS|DATA|QUIT|RSET|NOOP|BDAT\s+\d+.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareCommandRegex();

    [GeneratedRegex(@"\b(?:MAIL FROM|RCPT TO|AUTH|EHLO|HELO|LHLO|STARTTLS|DATA|BDAT|QUIT|RSET)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClientVerbRegex();

    // "550: text" (some libraries and logs put a colon after the code) is the same reply as "550 text".
    [GeneratedRegex(@"^(?<code>[2-5]\d\d)(?:(?<sep>[ -])|:(?=\s*\S)|$)")]
    private static partial Regex LineStartReplyRegex();

    [GeneratedRegex(@"(?:(?<![A-Za-z0-9]\.[A-Za-z]{2,24}|\]):|:(?=\s)|[(\[;,'""=>`]|said|was|(?<=[^\x00-\x7F]))\s*(?<code>[45]\d\d)(?:(?<sep>[ -])(?=[245]\.\d{1,3}\.\d{1,3}\b|[A-Za-z<\[#]|""[A-Za-z])|:(?=\s*(?:[245]\.\d{1,3}\.\d{1,3}\b|[A-Za-z<\[#]))|(?<sep>)$)|(?<=\s)(?<code>[45]\d\d)(?<sep>[ -])(?=[245]\.\d{1,3}\.\d{1,3}\s)|(?<=\s)(?<code>[45]\d\d):(?=\s+[A-Za-z])")]
    private static partial Regex EmbeddedReplyRegex();

    // Wrappers that quote a reply another server sent while relaying: the user's own submission was accepted.
    [GeneratedRegex(@"\bsaid:|SMTP error from remote mail server|\bsmtp;\s*$|Remote-MTA|Diagnostic-Code|refused to talk to me|host \S+\s*\[[0-9A-Fa-f.:]+\]\s*:?\s*$|Remote server returned", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RemoteBounceRegex();

    // Postfix "relay=host[ip]:587" / "delivery via host[ip]:587": the quoted server is the user's smarthost.
    [GeneratedRegex(@"(?:relay=|delivery via |\bhost )[\w.\-]+\[[0-9A-Fa-f.:]+\]:(?:587|465)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubmissionRelayRegex();

    [GeneratedRegex(@"retcode \((?<code>[2-5]\d\d)\); Msg:\s*b?'?")]
    private static partial Regex RetcodeRegex();

    [GeneratedRegex(@"(?<![\d.])(?<enh>[245]\.\d{1,3}\.\d{1,3})(?=\s)")]
    private static partial Regex EnhancedOnlyRegex();

    [GeneratedRegex(@"(?<name>[A-Z][A-Za-z]+):\s*$")]
    private static partial Regex MailKitStatusRegex();

    [GeneratedRegex(@"\(in reply to (?:(?<cmd>end of DATA|MAIL FROM|RCPT TO|DATA|AUTH|STARTTLS|EHLO|HELO|BDAT|QUIT|RSET|XCLIENT)\b|(?<cmd>[A-Z ]+?)\s+command)", RegexOptions.IgnoreCase)]
    private static partial Regex InReplyToRegex();

    [GeneratedRegex(@"after (?<cmd>(?:pipelined )?(?:RCPT TO|MAIL FROM|end of data|initial connection|AUTH|EHLO|HELO|STARTTLS|DATA|BDAT))", RegexOptions.IgnoreCase)]
    private static partial Regex EximAfterRegex();

    [GeneratedRegex(@"(?<cmd>MAIL FROM|RCPT TO|DATA END|DATA|AUTH|Password|Username|STARTTLS|EHLO|HELO) command failed|failed to issue (?<cmd>MAIL|RCPT|DATA|AUTH|STARTTLS|EHLO|HELO) command", RegexOptions.IgnoreCase)]
    private static partial Regex CommandFailedRegex();

    [GeneratedRegex(@"[""']?command[""']?\s*[:=]\s*[""'](?<cmd>[A-Z][A-Z ]*)[""']|to command '(?<cmd>[A-Z][A-Z ]*)'")]
    private static partial Regex CommandFieldRegex();

    [GeneratedRegex(@"Expected response code[s]?\s*\(?\[?""?(?<exp>\d{3})")]
    private static partial Regex ExpectedCodeRegex();

    [GeneratedRegex(@"Invalid login|AuthenticationFailedException|SMTPAuthenticationError|SMTPAuthenticationError|AuthenticationException|Could not authenticate|Failed to authenticate|SASL authentication failed|authenticator failed|EAUTH|Authentication failed:|login failed", RegexOptions.IgnoreCase)]
    private static partial Regex AuthPhaseRegex();

    [GeneratedRegex(@"upgrading connection with STARTTLS|STARTTLS (?:command )?failed|Error upgrading connection", RegexOptions.IgnoreCase)]
    private static partial Regex StarttlsPhaseRegex();

    [GeneratedRegex(@"Mail command failed|Failed to set sender|SMTPSenderRefused|SMTPSenderFailedException|Sender address rejected|MAIL FROM failed", RegexOptions.IgnoreCase)]
    private static partial Regex MailPhaseRegex();

    [GeneratedRegex(@"Recipient command failed|Failed to add recipient|all recipients were rejected|SMTPRecipientsRefused|SMTPAddressFailedException|RecipientError|Recipient address rejected", RegexOptions.IgnoreCase)]
    private static partial Regex RcptPhaseRegex();

    [GeneratedRegex(@"Message failed|Data command failed|SMTPDataError|EMESSAGE|end of data", RegexOptions.IgnoreCase)]
    private static partial Regex DataPhaseRegex();

    [GeneratedRegex(@"refused to talk to me|Greeting never received|Connection refused by", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectPhaseRegex();

    [GeneratedRegex(@"^(?:at\s+\S+|[\w\-]+:\s|--|<[^>\s]+>:|Reporting-MTA|Final-Recipient|Action:|Status:|Diagnostic-Code|\{|\}|Traceback)", RegexOptions.IgnoreCase)]
    private static partial Regex StopLineRegex();

    [GeneratedRegex(@"(?:\bhost|\bserver|relay=|H=)\s*(?<host>[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+)\s*\[[0-9A-Fa-f.:]+\]")]
    private static partial Regex HostBracketRegex();

    [GeneratedRegex(@"(?<![\w.@/-])(?<host>(?:smtp|smtps|smtpout|smtp-mail|smtp-relay|email-smtp|mail|mx\d*|smtpdm|hwsmtp)(?:[\w\-]*)(?:\.[A-Za-z0-9\-]+)+\.[A-Za-z]{2,})(?![\w@])", RegexOptions.IgnoreCase)]
    private static partial Regex HostWordRegex();
}
