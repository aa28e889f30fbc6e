using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;

namespace SmtpConsole.Messages.Generator;

/// <summary>One parameter of a generated accessor: its C# type and name, read from the key's resx comment.</summary>
internal sealed record MessageParameter(string Type, string Name)
{
    /// <summary>
    /// Reads a key's <c>&lt;comment&gt;</c>: <c>parameters | note</c>, both optional. Parameters are comma-separated,
    /// each <c>name</c> (a string) or <c>type name</c> (<c>int seconds</c>); the note becomes the member's remarks.
    /// </summary>
    public static ImmutableArray<MessageParameter> ParseComment(string? comment, out string? note, out string? problem)
    {
        note = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(comment)) return [];

        string list = comment!;
        int bar = list.IndexOf('|');
        if (bar >= 0)
        {
            string rest = list.Substring(bar + 1).Trim();
            note = rest.Length == 0 ? null : rest;
            list = list.Substring(0, bar);
        }
        if (string.IsNullOrWhiteSpace(list)) return [];

        var parameters = ImmutableArray.CreateBuilder<MessageParameter>();
        foreach (string item in list.Split(','))
        {
            string[] words = item.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 2)
            {
                problem = words.Length == 0
                    ? "an empty parameter between commas"
                    : $"'{item.Trim()}' is not 'name' or 'type name' (a note goes after '|')";
                return [];
            }
            string type = words.Length == 2 ? words[0] : "string";
            string name = words[words.Length - 1];
            if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            {
                problem = $"'{name}' is not a valid parameter name";
                return [];
            }
            var parsed = SyntaxFactory.ParseTypeName(type);
            if (parsed.ContainsDiagnostics || parsed.ToFullString() != type)
            {
                problem = $"'{type}' is not a C# type";
                return [];
            }
            if (parameters.Any(p => p.Name == name))
            {
                problem = $"'{name}' is named twice";
                return [];
            }
            parameters.Add(new MessageParameter(type, name));
        }
        return parameters.ToImmutable();
    }
}
