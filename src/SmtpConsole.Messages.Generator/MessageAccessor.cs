using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpConsole.Messages.Generator;

/// <summary>
/// One generated member: a property for a text without placeholders, a method with one parameter per placeholder
/// otherwise. <paramref name="Name"/> is the key without its area's prefix.
/// </summary>
internal sealed record MessageAccessor(string Name, string Key, string Text, ImmutableArray<MessageParameter> Parameters, string? Note)
{
    public bool IsMethod => Parameters.Length > 0;

    /// <summary>
    /// The accessor for <paramref name="entry"/> of <paramref name="area"/>, or null after reporting why there is none.
    /// </summary>
    public static MessageAccessor? From(ResxEntry entry, MessageArea area, Action<Diagnostic> report)
    {
        string name = entry.Key.Substring(area.Prefix.Length);
        var at = entry.Spot.ToLocation();
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            report(Diagnostic.Create(MessageDiagnostics.KeyNotIdentifier, at, entry.Key, area.ClassName, name));
            return null;
        }
        int values = CompositeFormatText.CountValues(entry.Text, out string? textProblem);
        if (textProblem is not null)
        {
            report(Diagnostic.Create(MessageDiagnostics.MalformedText, at, entry.Key, textProblem));
            return null;
        }
        var parameters = MessageParameter.ParseComment(entry.Comment, out string? note, out string? listProblem);
        if (listProblem is not null)
        {
            report(Diagnostic.Create(MessageDiagnostics.BadParameterList, at, entry.Key, listProblem));
            return null;
        }
        if (parameters.Length != values)
        {
            report(Diagnostic.Create(MessageDiagnostics.PlaceholderCountMismatch, at, entry.Key, values, parameters.Length));
            return null;
        }
        if (area.HandWritten.FirstOrDefault(m => m.Name == name) is { } handWritten)
        {
            report(Diagnostic.Create(MessageDiagnostics.HandWrittenCollision, handWritten.Spot.ToLocation(), [at], area.ClassName, name, entry.Key));
            return null;
        }
        return new MessageAccessor(name, entry.Key, entry.Text, parameters, note);
    }
}
