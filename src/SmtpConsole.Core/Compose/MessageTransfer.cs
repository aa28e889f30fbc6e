namespace SmtpConsole.Core.Compose;

/// <summary>How a composed message goes to the server.</summary>
public enum MessageTransfer
{
    /// <summary>BDAT when the server offers CHUNKING and the message has 8-bit content; DATA otherwise.</summary>
    Auto,
    Data,
    Bdat,
}
