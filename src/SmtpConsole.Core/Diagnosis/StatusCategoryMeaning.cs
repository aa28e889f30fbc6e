namespace SmtpConsole.Core.Diagnosis;

/// <summary>Meaning of an enhanced status class (2/4/5) or subject (0-7).</summary>
/// <param name="Number">The class or subject number.</param>
/// <param name="Title">Registry title.</param>
/// <param name="Description">Plain-language description.</param>
/// <param name="Rfc">Defining document.</param>
public sealed record StatusCategoryMeaning(int Number, string Title, string Description, string Rfc);
