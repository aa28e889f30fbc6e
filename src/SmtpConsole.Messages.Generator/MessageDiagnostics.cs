using Microsoft.CodeAnalysis;

namespace SmtpConsole.Messages.Generator;

/// <summary>
/// What stops the build when the catalogue and a message class disagree. Each names the key, so the fix is one
/// edit in Strings.resx (or one deleted accessor).
/// </summary>
internal static class MessageDiagnostics
{
    private const string Category = "SmtpConsole.Messages";

    public static readonly DiagnosticDescriptor PlaceholderCountMismatch = Error(
        "SCMSG001",
        "Placeholders and parameters differ",
        "'{0}' takes {1} value(s) ({{0}}…) but its <comment> names {2} parameter(s); list one per placeholder, e.g. <comment>host, int port</comment>");

    public static readonly DiagnosticDescriptor KeyNotIdentifier = Error(
        "SCMSG002",
        "Key is not a member name",
        "'{0}' cannot become a member of {1}: '{2}' is not a valid C# identifier");

    public static readonly DiagnosticDescriptor HandWrittenCollision = Error(
        "SCMSG003",
        "Hand-written member collides with a generated one",
        "{0}.{1} is written by hand, but the generator writes it from Strings.resx key '{2}'; delete the hand-written accessor (keep only members with logic, under another name)");

    public static readonly DiagnosticDescriptor BadParameterList = Error(
        "SCMSG004",
        "Malformed parameter list",
        "'{0}': the <comment> is not a parameter list: {1} (write 'name, int count | optional note')");

    public static readonly DiagnosticDescriptor MalformedText = Error(
        "SCMSG005",
        "Text is not a valid format string",
        "'{0}': the English text would make string.Format throw: {1}");

    public static readonly DiagnosticDescriptor NoCatalogue = Error(
        "SCMSG006",
        "No catalogue",
        "{0} is marked [MessageArea] but no .resx is passed to the compiler as an AdditionalFile");

    public static readonly DiagnosticDescriptor EmptyArea = Error(
        "SCMSG007",
        "No keys for the area",
        "{0}: no key of the catalogue starts with '{1}'");

    public static readonly DiagnosticDescriptor UnreadableCatalogue = Error(
        "SCMSG008",
        "Catalogue cannot be read",
        "{0} cannot be read: {1}");

    public static readonly DiagnosticDescriptor NestedArea = Error(
        "SCMSG009",
        "Message class must be top-level",
        "{0} is marked [MessageArea] but is nested in another type; make it a top-level static partial class");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
