namespace SmtpConsole.Core.Doctor;

public enum FindingStatus
{
    Pass,
    Info,
    Warn,
    Fail,
}
