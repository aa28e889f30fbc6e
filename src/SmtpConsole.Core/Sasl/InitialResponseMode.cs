namespace SmtpConsole.Core.Sasl;

/// <summary>Whether the first SASL response rides on the AUTH command (RFC 4954 initial response) or waits for a 334.</summary>
public enum InitialResponseMode
{
    /// <summary>Use it when the mechanism supports one, except LOGIN, whose steps are kept visible.</summary>
    Auto,
    Always,
    Never,
}
