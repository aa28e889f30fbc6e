namespace SmtpConsole.App;

/// <summary>Emphasis for lines in text panels (help, details, explanations).</summary>
internal enum TextEmphasis
{
    Normal,
    Heading,
    Dim,
    Code,
}
