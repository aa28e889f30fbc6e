namespace SmtpConsole.Core.Doctor;

/// <summary>
/// What the doctor knows around a refusal it asks to have explained: the command it answered (EHLO, STARTTLS, AUTH,
/// MAIL, RCPT, or CONNECT for the greeting) and the server's greeting, which names the software more reliably than
/// the host name does (an Exim refusal must not get Postfix's configuration advice).
/// </summary>
public sealed record RefusalContext(string Verb, string? Greeting);
