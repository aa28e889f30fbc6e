namespace SmtpConsole.Core.Transcript;

/// <summary>What a transcript event records. The lower-case names are the <c>kind</c> values of the JSON lines.</summary>
public enum TranscriptEventKind : byte
{
    Connect,
    Tls,
    Send,
    Reply,
    Info,
    Warn,
    Error,
    Expect,
}
