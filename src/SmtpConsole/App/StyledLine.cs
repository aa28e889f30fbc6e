namespace SmtpConsole.App;

/// <summary>A line of a text panel and how to show it.</summary>
internal readonly record struct StyledLine(string Text, TextEmphasis Emphasis = TextEmphasis.Normal);
