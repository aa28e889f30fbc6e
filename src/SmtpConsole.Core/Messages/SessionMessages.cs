namespace SmtpConsole.Core.Messages;

/// <summary>
/// The session's own lines in the transcript (connecting, connected, closed, timeouts, STARTTLS refused, bytes
/// injected before TLS), worded in <see cref="CoreMessages.Language"/>. Texts: <c>Session.*</c> keys of the catalogue.
/// </summary>
public static class SessionMessages
{
    public static string ClosingPrevious => Say(nameof(ClosingPrevious));

    public static string ModePlain => Say(nameof(ModePlain));

    public static string ModeImplicitTls => Say(nameof(ModeImplicitTls));

    public static string ModeStartTls => Say(nameof(ModeStartTls));

    /// <summary>The label argument is the profile's label in brackets with a leading space, or empty.</summary>
    public static string Connecting(string host, int port, string mode, string label) => Say(nameof(Connecting), host, port, mode, label);

    public static string ConnectingVia(string host, int port, string mode, string label, string proxy, string target) =>
        Say(nameof(ConnectingVia), host, port, mode, label, proxy, target);

    public static string CannotConnect(string problem) => Say(nameof(CannotConnect), problem);

    public static string ConnectCancelled => Say(nameof(ConnectCancelled));

    public static string Connected(string endpoint, string milliseconds) => Say(nameof(Connected), endpoint, milliseconds);

    public static string ConnectedThrough(string target, string proxy, string milliseconds) => Say(nameof(ConnectedThrough), target, proxy, milliseconds);

    public static string GreetingNot220(int code) => Say(nameof(GreetingNot220), code);

    public static string ConnectionClosedAfter(string problem) => Say(nameof(ConnectionClosedAfter), problem);

    public static string EhloFailedBeforeStartTls => Say(nameof(EhloFailedBeforeStartTls));

    public static string TlsAlreadyActive => Say(nameof(TlsAlreadyActive));

    public static string InjectedBeforeTls(int count, string preview) => Say(nameof(InjectedBeforeTls), count, preview);

    public static string TlsUpSendEhloAgain => Say(nameof(TlsUpSendEhloAgain));

    public static string StartTlsFailed(string why) => Say(nameof(StartTlsFailed), why);

    public static string StartTlsMalformedReply => Say(nameof(StartTlsMalformedReply));

    public static string StartTlsNotAll220 => Say(nameof(StartTlsNotAll220));

    public static string StartTlsOtherCode(string code) => Say(nameof(StartTlsOtherCode), code);

    public static string StartTlsNoReplyInTime => Say(nameof(StartTlsNoReplyInTime));

    public static string StartTlsNoReplyCancelled => Say(nameof(StartTlsNoReplyCancelled));

    public static string StartTlsNoReply => Say(nameof(StartTlsNoReply));

    public static string WaitCancelled(string waitingFor) => Say(nameof(WaitCancelled), waitingFor);

    public static string ReplyTimeout(string waitingFor, string seconds) => Say(nameof(ReplyTimeout), waitingFor, seconds);

    /// <summary>What a reply was awaited for, when it is the greeting (other commands are quoted as sent).</summary>
    public static string WaitingForGreeting => Say(nameof(WaitingForGreeting));

    public static string ServerClosed => Say(nameof(ServerClosed));

    public static string DotStuffedNote => Say(nameof(DotStuffedNote));

    public static string EndOfMessage => Say(nameof(EndOfMessage));

    public static string BodyStreamed(string source, string bytes, string dotStuffedLines) => Say(nameof(BodyStreamed), source, bytes, dotStuffedLines);

    public static string ConnectionLostSendingMessage => Say(nameof(ConnectionLostSendingMessage));

    public static string EmptyMessage => Say(nameof(EmptyMessage));

    public static string BdatChunk(int number, string octets) => Say(nameof(BdatChunk), number, octets);

    public static string BdatLastChunk(int number, string octets) => Say(nameof(BdatLastChunk), number, octets);

    public static string ConnectionLostDuringBdat => Say(nameof(ConnectionLostDuringBdat));

    public static string CommandHasCr(int position) => Say(nameof(CommandHasCr), position);

    public static string CommandHasLf(int position) => Say(nameof(CommandHasLf), position);

    public static string CommandHasNul(int position) => Say(nameof(CommandHasNul), position);

    /// <summary>A proxy named inside a sentence: its kind, then host:port.</summary>
    public static string Socks5Proxy(string hostPort) => Say(nameof(Socks5Proxy), hostPort);

    public static string HttpProxy(string hostPort) => Say(nameof(HttpProxy), hostPort);

    // Values checked before connecting (Session/ConnectLimits).
    public static string TimeoutOutOfRange(string what, string maxSeconds) => Say(nameof(TimeoutOutOfRange), what, maxSeconds);

    public static string TheConnectTimeout => Say(nameof(TheConnectTimeout));

    public static string TheReplyTimeout => Say(nameof(TheReplyTimeout));

    public static string HostEmpty => Say(nameof(HostEmpty));

    public static string HostTooLong(int length, int max) => Say(nameof(HostTooLong), length, max);

    public static string HostHasSpace => Say(nameof(HostHasSpace));

    public static string HostLabelTooLong => Say(nameof(HostLabelTooLong));

    // The connection itself (Session/SmtpConnection).
    public static string CannotResolve(string host, string detail) => Say(nameof(CannotResolve), host, detail);

    public static string ResolveTimeout(string host, string seconds) => Say(nameof(ResolveTimeout), host, seconds);

    public static string NoAddresses(string host) => Say(nameof(NoAddresses), host);

    public static string EndPointProblem(string endpoint, string problem) => Say(nameof(EndPointProblem), endpoint, problem);

    public static string NoAnswer(string endpoint, string seconds) => Say(nameof(NoAnswer), endpoint, seconds);

    public static string ConnectionLost(string detail) => Say(nameof(ConnectionLost), detail);

    public static string CannotSend(string detail) => Say(nameof(CannotSend), detail);

    public static string CannotSendServerClosed => Say(nameof(CannotSendServerClosed));

    public static string ConnectionRefused => Say(nameof(ConnectionRefused));

    public static string NoRoute => Say(nameof(NoRoute));

    public static string TimedOut => Say(nameof(TimedOut));

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Session." + name, args);
}
