using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// The SMTP protocol state machine of the practice server, free of any I/O: feed it one command line at a time and
/// send back what it returns. Replies copy Postfix 3.x texts so a learner meets here the same answers a real server
/// gives for the same mistakes. Not thread-safe: one session serves one connection.
/// </summary>
public sealed class PracticeSession
{
    /// <summary>Longest accepted SASL response line (Postfix's <c>smtpd_sasl_response_limit</c>).</summary>
    public const int SaslResponseLimit = 12288;

    private readonly PracticeServerOptions options;
    private readonly PracticeInbox inbox;
    private readonly IPEndPoint? clientEndPoint;
    private readonly MessageContentBuffer content;
    private readonly List<string> recipients = [];

    private int errorCount;
    private SaslServerMechanism? pendingAuthentication;
    private string? mailFrom;
    private IReadOnlyList<string> mailParameters = [];
    private bool transactionUtf8;
    private SessionContentMode contentMode;
    private bool chunkingInProgress;
    private bool chunkingFailed;
    private PendingChunk? pendingChunk;

    /// <summary>Creates a session in the state right after the connection was accepted (send <see cref="Greet"/> first).</summary>
    /// <param name="options">Server settings; only read.</param>
    /// <param name="inbox">Where accepted messages go.</param>
    /// <param name="clientEndPoint">The client's address for the inbox and log, or null when there is no socket.</param>
    public PracticeSession(PracticeServerOptions options, PracticeInbox inbox, IPEndPoint? clientEndPoint = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inbox);
        this.options = options;
        this.inbox = inbox;
        this.clientEndPoint = clientEndPoint;
        content = new MessageContentBuffer(options.MaxMessageSize);
    }

    /// <summary>The server name used in replies.</summary>
    public string HostName => options.HostName;

    /// <summary>True after STARTTLS completed.</summary>
    public bool IsTlsActive { get; private set; }

    /// <summary>The name from the last HELO or EHLO, or null before one (and again after STARTTLS).</summary>
    public string? HeloName { get; private set; }

    /// <summary>The user name after a successful AUTH, else null.</summary>
    public string? AuthenticatedUser { get; private set; }

    /// <summary>True between a successful MAIL FROM and the end of that message (or RSET).</summary>
    public bool IsInMailTransaction => mailFrom is not null;

    /// <summary>True after a reply with <see cref="SessionAction.Close"/>; the connection must end.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Errors so far; at <see cref="PracticeServerOptions.HardErrorLimit"/> the session closes with 421.</summary>
    public int ErrorCount => errorCount;

    /// <summary>Where DATA and BDAT content collects; the connection's decoder writes into it.</summary>
    internal MessageContentBuffer Content => content;

    private string ClientName => clientEndPoint?.ToString() ?? "local";

    /// <summary>The 220 greeting sent when the client connects.</summary>
    public SessionReply Greet() =>
        SessionReply.Line($"220 {HostName} ESMTP SmtpConsole practice server (Postfix-compatible replies)");

    /// <summary>Handles one line from the client (without CRLF): a command, or the answer to a 334 AUTH challenge.</summary>
    public SessionReply ProcessLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        EnsureReadingLines();
        if (pendingAuthentication is not null)
        {
            return Finish(ContinueAuthentication(line));
        }

        // Postfix reads command lines as C strings, so a NUL ends the command ("NOOP\0x" is a NOOP).
        var nul = line.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            line = line[..nul];
        }

        var words = SmtpCommandTokenizer.Tokenize(line);
        if (words.Count == 0)
        {
            return Finish(SessionReply.Line("500 5.5.2 Error: bad syntax"));
        }

        // Postfix 3.7's smtpd_forbidden_commands includes /^[^A-Z]/: a command that does not start with a letter
        // ("." typed too early, "*", "/quit", a stray Base64 answer) means the client is not speaking SMTP; hang up.
        if (!char.IsAsciiLetter(words[0].Value[0]))
        {
            return Finish(Forbidden());
        }

        var reply = words[0].Value.ToUpperInvariant() switch
        {
            "HELO" => Hello(words, extended: false),
            "EHLO" => Hello(words, extended: true),
            "MAIL" => Mail(words),
            "RCPT" => Recipient(words),
            "DATA" => Data(words),
            "BDAT" => Chunk(words),
            "RSET" => Reset(words),
            "NOOP" => SessionReply.Line("250 2.0.0 Ok"),
            "VRFY" => Verify(words),
            "HELP" => Help(),
            "STARTTLS" => StartTls(words),
            "AUTH" => Authenticate(words),
            "QUIT" => SessionReply.Line("221 2.0.0 Bye", SessionAction.Close),
            _ => Unrecognized(words[0].Value),
        };
        return Finish(reply);
    }

    /// <summary>The reply when a line exceeded the limit; the connection discards the rest of that line.</summary>
    public SessionReply RejectOverlongLine()
    {
        EnsureReadingLines();
        if (pendingAuthentication is not null)
        {
            pendingAuthentication = null;
            return Finish(SessionReply.Line("500 5.5.6 SASL response limit exceeded"));
        }

        return Finish(SessionReply.Line($"500 5.5.2 {HostName} Error: command too long"));
    }

    /// <summary>The reply when a line is not valid UTF-8 (Postfix checks this because it announces SMTPUTF8).</summary>
    public SessionReply RejectInvalidEncoding()
    {
        EnsureReadingLines();
        if (pendingAuthentication is not null)
        {
            pendingAuthentication = null;
            return Finish(SessionReply.Line("535 5.7.8 Error: authentication failed: Invalid base64 data in continued response"));
        }

        return Finish(SessionReply.Line("500 5.5.2 Error: bad UTF-8 syntax"));
    }

    /// <summary>The reply when the client stayed silent for longer than the idle timeout; the connection then closes.</summary>
    public SessionReply TimedOut()
    {
        IsClosed = true;
        return SessionReply.Line($"421 4.4.2 {HostName} Error: timeout exceeded", SessionAction.Close);
    }

    /// <summary>
    /// Call after the TLS handshake that followed STARTTLS. Everything learned before is forgotten (RFC 3207 section
    /// 4.2), so the client must send EHLO again.
    /// </summary>
    public void OnTlsEstablished()
    {
        IsTlsActive = true;
        HeloName = null;
        AuthenticatedUser = null;
        pendingAuthentication = null;
        ResetTransaction();
    }

    /// <summary>Adds message content read after DATA (already dot-unstuffed) or from a BDAT chunk.</summary>
    public void AppendMessageContent(ReadOnlySpan<byte> bytes)
    {
        if (contentMode == SessionContentMode.None)
        {
            throw new InvalidOperationException("No DATA or BDAT content is expected now.");
        }

        content.Append(bytes);
    }

    /// <summary>Call when the DATA end mark (CRLF.CRLF) has been read: queues the message or refuses it as too large.</summary>
    public SessionReply CompleteMessageData()
    {
        if (contentMode != SessionContentMode.Data)
        {
            throw new InvalidOperationException("No DATA content is being read.");
        }

        contentMode = SessionContentMode.None;
        if (content.LimitExceeded)
        {
            ResetTransaction();
            return Finish(SessionReply.Line("552 5.3.4 Error: message file too big"));
        }

        var id = Queue();
        return Finish(SessionReply.Line($"250 2.0.0 Ok: queued as {id}"));
    }

    /// <summary>Call when the announced number of BDAT bytes has been read.</summary>
    public SessionReply CompleteChunk()
    {
        if (contentMode != SessionContentMode.Chunk || pendingChunk is not { } chunk)
        {
            throw new InvalidOperationException("No BDAT chunk is being read.");
        }

        contentMode = SessionContentMode.None;
        pendingChunk = null;
        content.Discarding = false;
        if (chunk.RefusalReply is not null)
        {
            // Like Postfix, swallow further chunks until BDAT LAST or RSET so the client's pipeline stays in sync.
            if (chunk.IsLast)
            {
                ResetTransaction();
            }
            else
            {
                chunkingFailed = true;
            }

            return Finish(SessionReply.Line(chunk.RefusalReply));
        }

        if (!chunk.IsLast)
        {
            return Finish(SessionReply.Line(string.Create(CultureInfo.InvariantCulture, $"250 2.0.0 Ok: {chunk.Size} bytes")));
        }

        var total = content.TotalBytes;
        var id = Queue();
        return Finish(SessionReply.Line(string.Create(CultureInfo.InvariantCulture, $"250 2.0.0 Ok: {total} bytes queued as {id}")));
    }

    private SessionReply Hello(IReadOnlyList<SmtpToken> words, bool extended)
    {
        // RFC 2034 exempts replies to HELO and EHLO from enhanced status codes, so Postfix sends none here.
        if (words.Count < 2)
        {
            return SessionReply.Line(extended ? "501 Syntax: EHLO hostname" : "501 Syntax: HELO hostname");
        }

        ResetTransaction();
        HeloName = string.Join(' ', words.Skip(1).Select(word => word.Value));
        if (!extended)
        {
            return SessionReply.Line($"250 {HostName}");
        }

        List<string> keywords = [HostName, "PIPELINING", string.Create(CultureInfo.InvariantCulture, $"SIZE {options.MaxMessageSize}"), "VRFY"];
        if (!IsTlsActive)
        {
            keywords.Add("STARTTLS");
        }

        if (IsAuthenticationAvailable)
        {
            keywords.Add("AUTH " + string.Join(' ', SaslServerMechanism.SupportedNames));
        }

        keywords.AddRange(["ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"]);
        return SessionReply.Multiline(250, keywords);
    }

    private bool IsAuthenticationAvailable => IsTlsActive || options.AllowPlaintextAuth;

    private SessionReply Mail(IReadOnlyList<SmtpToken> words)
    {
        if (HeloName is null)
        {
            return SessionReply.Line("503 5.5.1 Error: send HELO/EHLO first");
        }

        if (IsInMailTransaction)
        {
            return SessionReply.Line("503 5.5.1 Error: nested MAIL command");
        }

        if (chunkingInProgress || chunkingFailed)
        {
            return SessionReply.Line("503 5.5.1 Error: MAIL after BDAT");
        }

        if (words.Count < 3 || !words[1].Value.Equals("FROM:", StringComparison.OrdinalIgnoreCase))
        {
            return SessionReply.Line("501 5.5.4 Syntax: MAIL FROM:<address>");
        }

        var utf8 = words.Skip(3).Any(word => word.Value.Equals("SMTPUTF8", StringComparison.OrdinalIgnoreCase));
        if (words[2].IsMalformed || !SmtpAddressParser.TryParse(words[2].Value, allowEmpty: true, utf8, out var sender, out _, out _))
        {
            return SessionReply.Line("501 5.1.7 Bad sender address syntax");
        }

        long declaredSize = 0;
        bool sawReturn = false, sawEnvelopeId = false;
        var parameters = words.Skip(3).Select(word => word.Value).ToList();
        foreach (var parameter in parameters)
        {
            var (name, value) = SplitParameter(parameter);
            switch (name)
            {
                case "BODY" when value.Equals("8BITMIME", StringComparison.OrdinalIgnoreCase) || value.Equals("7BIT", StringComparison.OrdinalIgnoreCase):
                case "SMTPUTF8" when value.Length == 0 && !parameter.Contains('=', StringComparison.Ordinal):
                    break;
                case "SIZE":
                    if (value.Length == 0 || !value.All(char.IsAsciiDigit))
                    {
                        return SessionReply.Line("501 5.5.4 Bad message size syntax");
                    }

                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out declaredSize))
                    {
                        return SessionReply.Line("552 5.3.4 Message size exceeds file system imposed limit");
                    }

                    break;
                case "AUTH":
                    // RFC 4954 section 5: the identity that submitted the message; recorded, not checked, and (as
                    // Postfix 3.7 does) a repeated AUTH= is not refused.
                    break;
                case "RET":
                    if (!FirstAndValid(ref sawReturn, SmtpParameterSyntax.IsDsnReturn(value)))
                    {
                        return SessionReply.Line("501 5.5.4 Bad RET parameter syntax");
                    }

                    break;
                case "ENVID":
                    if (!FirstAndValid(ref sawEnvelopeId, value.Length > 0 && SmtpParameterSyntax.IsXtext(value)))
                    {
                        return SessionReply.Line("501 5.5.4 Bad ENVID parameter syntax");
                    }

                    break;
                default:
                    return SessionReply.Line($"555 5.5.4 Unsupported option: {parameter}");
            }
        }

        if (declaredSize > options.MaxMessageSize)
        {
            return SessionReply.Line("552 5.3.4 Message size exceeds fixed limit");
        }

        mailFrom = sender;
        mailParameters = parameters;
        transactionUtf8 = utf8;
        return SessionReply.Line("250 2.1.0 Ok");
    }

    private SessionReply Recipient(IReadOnlyList<SmtpToken> words)
    {
        if (!IsInMailTransaction)
        {
            return SessionReply.Line("503 5.5.1 Error: need MAIL command");
        }

        if (chunkingInProgress || chunkingFailed)
        {
            return SessionReply.Line("503 5.5.1 Error: RCPT after BDAT");
        }

        if (words.Count < 3 || !words[1].Value.Equals("TO:", StringComparison.OrdinalIgnoreCase))
        {
            return SessionReply.Line("501 5.5.4 Syntax: RCPT TO:<address>");
        }

        if (words[2].IsMalformed || !SmtpAddressParser.TryParse(words[2].Value, allowEmpty: false, transactionUtf8, out var recipient, out var domain, out var routed))
        {
            return SessionReply.Line("501 5.1.3 Bad recipient address syntax");
        }

        bool sawNotify = false, sawOriginalRecipient = false;
        foreach (var parameter in words.Skip(3).Select(word => word.Value))
        {
            var (name, value) = SplitParameter(parameter);
            switch (name)
            {
                case "NOTIFY":
                    if (!FirstAndValid(ref sawNotify, SmtpParameterSyntax.IsDsnNotify(value)))
                    {
                        return SessionReply.Line("501 5.5.4 Error: Bad NOTIFY parameter syntax");
                    }

                    break;
                case "ORCPT":
                    if (!FirstAndValid(ref sawOriginalRecipient, SmtpParameterSyntax.IsOriginalRecipient(value)))
                    {
                        return SessionReply.Line("501 5.5.4 Error: Bad ORCPT parameter syntax");
                    }

                    break;
                default:
                    return SessionReply.Line($"555 5.5.4 Unsupported option: {parameter}");
            }
        }

        if (recipients.Count >= options.MaxRecipients)
        {
            return SessionReply.Line("452 4.5.3 Error: too many recipients");
        }

        if (!MayDeliverTo(domain, routed))
        {
            return SessionReply.Line($"554 5.7.1 <{recipient}>: Relay access denied");
        }

        recipients.Add(recipient);
        return SessionReply.Line("250 2.1.5 Ok");
    }

    private SessionReply Data(IReadOnlyList<SmtpToken> words)
    {
        if (chunkingInProgress || chunkingFailed)
        {
            return SessionReply.Line("503 5.5.1 Error: DATA after BDAT");
        }

        if (recipients.Count == 0)
        {
            // Postfix tells "no MAIL yet" apart from "all recipients were refused" (which pipelining clients hit).
            return SessionReply.Line(IsInMailTransaction ? "554 5.5.1 Error: no valid recipients" : "503 5.5.1 Error: need RCPT command");
        }

        if (words.Count != 1)
        {
            return SessionReply.Line("501 5.5.4 Syntax: DATA");
        }

        content.Reset();
        contentMode = SessionContentMode.Data;
        return SessionReply.Line("354 End data with <CR><LF>.<CR><LF>", SessionAction.ReadMessageData);
    }

    private SessionReply Chunk(IReadOnlyList<SmtpToken> words)
    {
        // A malformed BDAT leaves the client sending raw content we cannot find the end of, so Postfix gives up (521).
        if (words.Count is < 2 or > 3
            || !words[1].Value.All(char.IsAsciiDigit)
            || !long.TryParse(words[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || (words.Count == 3 && !words[2].Value.Equals("LAST", StringComparison.OrdinalIgnoreCase)))
        {
            return SessionReply.Line("521 5.5.4 Syntax: BDAT count [LAST]", SessionAction.Close);
        }

        var isLast = words.Count == 3;
        string? refusal = null;
        if (chunkingFailed)
        {
            refusal = string.Create(CultureInfo.InvariantCulture, $"551 5.0.0 Discarded {size} bytes after earlier error");
        }
        else if (size == 0 && !isLast)
        {
            refusal = "551 5.7.1 Null BDAT request";
        }
        else if (!chunkingInProgress && recipients.Count == 0)
        {
            refusal = IsInMailTransaction ? "554 5.5.1 Error: no valid recipients" : "503 5.5.1 Error: need RCPT command";
        }
        else if ((chunkingInProgress ? content.TotalBytes : 0) > options.MaxMessageSize - size)
        {
            refusal = "552 5.3.4 Chunk exceeds message size limit";
        }

        // Reading and discarding a huge refused chunk would only burn time; Postfix stops reading too.
        if (refusal is not null && size > options.MaxMessageSize + (options.MaxMessageSize / 2))
        {
            IsClosed = true;
            return SessionReply.Line(refusal, SessionAction.Close);
        }

        if (refusal is null && !chunkingInProgress)
        {
            content.Reset();
            chunkingInProgress = true;
        }

        content.Discarding = refusal is not null;
        pendingChunk = new PendingChunk(size, isLast, refusal);
        contentMode = SessionContentMode.Chunk;
        return SessionReply.ReadChunk(size);
    }

    private SessionReply Reset(IReadOnlyList<SmtpToken> words)
    {
        if (words.Count != 1)
        {
            return SessionReply.Line("501 5.5.4 Syntax: RSET");
        }

        ResetTransaction();
        return SessionReply.Line("250 2.0.0 Ok");
    }

    private SessionReply Verify(IReadOnlyList<SmtpToken> words)
    {
        var arguments = words.Skip(1).Select(word => word.Value).ToList();
        if (arguments.Count > 1 && arguments[^1].Equals("SMTPUTF8", StringComparison.OrdinalIgnoreCase))
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        if (arguments.Count == 0)
        {
            return SessionReply.Line("501 5.5.4 Syntax: VRFY address [SMTPUTF8]");
        }

        var argument = string.Join(' ', arguments);
        var utf8 = arguments.Count < words.Count - 1;
        if (!SmtpAddressParser.TryParse(argument, allowEmpty: false, utf8, out var address, out var domain, out var routed))
        {
            return SessionReply.Line("501 5.1.3 Bad recipient address syntax");
        }

        if (!MayDeliverTo(domain, routed))
        {
            return SessionReply.Line($"554 5.7.1 <{address}>: Relay access denied");
        }

        // Postfix never confirms a mailbox (250), to give address harvesters nothing; 252 means "would try".
        return SessionReply.Line($"252 2.0.0 {argument}");
    }

    private SessionReply Help()
    {
        // Deliberate deviation: Postfix 3.7 answers HELP with 500 and newer Postfix with one "214 2.0.0 Commands:"
        // line. Learners get that line plus a few hints.
        var account = options.Accounts.Count > 0 ? options.Accounts[0] : PracticeAccount.Demo;
        var authHint = options.AllowPlaintextAuth ? "AUTH works with or without STARTTLS here" : "AUTH is offered only after STARTTLS";
        return SessionReply.Multiline(214,
        [
            "2.0.0 Commands: AUTH BDAT DATA EHLO HELO HELP MAIL NOOP QUIT RCPT RSET STARTTLS VRFY",
            "2.0.0 This is SmtpConsole's practice server; mail sent here never leaves this machine.",
            "2.0.0 A typical session: EHLO, STARTTLS, EHLO again, AUTH, MAIL FROM:<...>, RCPT TO:<...>, DATA, QUIT.",
            $"2.0.0 Try account {account.UserName} / {account.Password}; {authHint}.",
            $"2.0.0 Mail to anyone@{HostName} is accepted without AUTH; other domains need AUTH.",
        ]);
    }

    private SessionReply StartTls(IReadOnlyList<SmtpToken> words)
    {
        if (words.Count != 1)
        {
            return SessionReply.Line("501 5.5.4 Syntax: STARTTLS");
        }

        if (IsTlsActive)
        {
            return SessionReply.Line("554 5.5.1 Error: TLS already active");
        }

        return SessionReply.Line("220 2.0.0 Ready to start TLS", SessionAction.StartTls);
    }

    private SessionReply Authenticate(IReadOnlyList<SmtpToken> words)
    {
        if (HeloName is null)
        {
            return SessionReply.Line("503 5.5.1 Error: send HELO/EHLO first");
        }

        // What Postfix's submission service (smtpd_tls_security_level=encrypt) answers to AUTH before STARTTLS.
        if (!IsAuthenticationAvailable)
        {
            return SessionReply.Line("530 5.7.0 Must issue a STARTTLS command first");
        }

        if (IsInMailTransaction)
        {
            return SessionReply.Line("503 5.5.1 Error: MAIL transaction in progress");
        }

        if (AuthenticatedUser is not null)
        {
            return SessionReply.Line("503 5.5.1 Error: already authenticated");
        }

        if (words.Count is < 2 or > 3)
        {
            return SessionReply.Line("501 5.5.4 Syntax: AUTH mechanism");
        }

        var mechanismName = words[1].Value;
        var mechanism = SaslServerMechanism.Create(mechanismName, options.Accounts, HostName);
        if (mechanism is null)
        {
            Log($"{ClientName}: AUTH {mechanismName}: unsupported mechanism");
            return SessionReply.Line("535 5.7.8 Error: authentication failed: Invalid authentication mechanism");
        }

        byte[]? initialResponse = null;
        if (words.Count == 3)
        {
            // RFC 4954 section 4: "=" stands for an empty initial response.
            initialResponse = words[2].Value == "=" ? [] : DecodeBase64(words[2].Value);
            if (initialResponse is null)
            {
                return SessionReply.Line("535 5.7.8 Error: authentication failed: Invalid base64 data in initial response");
            }
        }

        return AdvanceAuthentication(mechanism, mechanism.Start(initialResponse));
    }

    private SessionReply ContinueAuthentication(string line)
    {
        var mechanism = pendingAuthentication!;
        pendingAuthentication = null;
        if (line == "*")
        {
            Log($"{ClientName}: AUTH {mechanism.Name}: aborted by client");
            return SessionReply.Line("501 5.7.0 Authentication aborted");
        }

        var response = DecodeBase64(line);
        if (response is null)
        {
            return SessionReply.Line("535 5.7.8 Error: authentication failed: Invalid base64 data in continued response");
        }

        return AdvanceAuthentication(mechanism, mechanism.Continue(response));
    }

    private SessionReply AdvanceAuthentication(SaslServerMechanism mechanism, SaslStep step)
    {
        if (step.Challenge is not null)
        {
            pendingAuthentication = mechanism;
            return SessionReply.Line("334 " + Convert.ToBase64String(step.Challenge), SessionAction.ReadAuthResponse);
        }

        if (step.UserName is not null)
        {
            AuthenticatedUser = step.UserName;
            Log($"{ClientName}: AUTH {mechanism.Name} as {step.UserName}: success");
            return SessionReply.Line("235 2.7.0 Authentication successful");
        }

        Log($"{ClientName}: AUTH {mechanism.Name} as {step.AttemptedUserName ?? "(unknown)"}: authentication failure");
        return SessionReply.Line("535 5.7.8 Error: authentication failed: authentication failure");
    }

    private static SessionReply Forbidden() =>
        SessionReply.Line("221 2.7.0 Error: I can break rules, too. Goodbye.", SessionAction.Close);

    private static SessionReply Unrecognized(string verb)
    {
        // Postfix hangs up on clients that send mail headers or HTTP/proxy requests as commands: they are not
        // speaking SMTP, and every further line would be another error. Learners meet this by typing "From: ..."
        // before DATA.
        if (LooksLikeHeader(verb) || verb.ToUpperInvariant() is "CONNECT" or "GET" or "POST")
        {
            return Forbidden();
        }

        // Postfix 3.7 and later; older releases answered 502 for the same thing.
        return SessionReply.Line("500 5.5.2 Error: command not recognized");
    }

    private static bool LooksLikeHeader(string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && word[..colon].All(c => c is > ' ' and < (char)127);
    }

    // Like reject_unauth_destination: a local domain is not enough when the local part routes onward (a%b@, a@b@).
    private bool MayDeliverTo(string? domain, bool routed) =>
        AuthenticatedUser is not null
        || (!routed && (domain is null
            || domain.Equals(HostName, StringComparison.OrdinalIgnoreCase)
            || domain.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || domain is "[127.0.0.1]" || domain.Equals("[IPv6:::1]", StringComparison.OrdinalIgnoreCase)));

    private string Queue()
    {
        string id;
        do
        {
            id = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        }
        while (inbox.ContainsId(id));

        var message = new ReceivedMessage
        {
            Id = id,
            ReceivedAt = DateTimeOffset.Now,
            ClientEndPoint = clientEndPoint,
            HeloName = HeloName,
            AuthenticatedUser = AuthenticatedUser,
            UsedTls = IsTlsActive,
            MailFrom = mailFrom ?? "",
            Recipients = [.. recipients],
            MailParameters = mailParameters,
            RawBytes = content.ToArray(),
        };
        ResetTransaction();

        // A delivered message forgives earlier mistakes, as in Postfix.
        errorCount = 0;
        inbox.Add(message);
        var to = string.Join(", ", message.Recipients.Select(recipient => $"<{recipient}>"));
        Log($"{id}: client={ClientName}, from=<{message.MailFrom}>, to={to}, size={message.Size}");
        return id;
    }

    private SessionReply Finish(SessionReply reply)
    {
        if (reply.Action == SessionAction.Close)
        {
            IsClosed = true;
            return reply;
        }

        if (reply.IsError && ++errorCount >= options.HardErrorLimit)
        {
            IsClosed = true;
            return reply.FollowedBy(SessionReply.Line($"421 4.7.0 {HostName} Error: too many errors", SessionAction.Close));
        }

        return reply;
    }

    private void ResetTransaction()
    {
        mailFrom = null;
        mailParameters = [];
        transactionUtf8 = false;
        recipients.Clear();
        chunkingInProgress = false;
        chunkingFailed = false;
        content.Reset();
    }

    private void EnsureReadingLines()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("The session is closed.");
        }

        if (contentMode != SessionContentMode.None)
        {
            throw new InvalidOperationException("The session is reading message content, not command lines.");
        }
    }

    private void Log(string line) => options.WriteLog(line);

    /// <summary>A DSN parameter (RFC 3461) must be well formed and may be given once: true the first time it is both.</summary>
    private static bool FirstAndValid(ref bool seen, bool valid)
    {
        if (seen || !valid)
        {
            return false;
        }

        seen = true;
        return true;
    }

    private static (string Name, string Value) SplitParameter(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? (parameter.ToUpperInvariant(), "")
            : (parameter[..equals].ToUpperInvariant(), parameter[(equals + 1)..]);
    }

    private static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[((text.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
