using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SmtpConsole.Messages.Generator;

/// <summary>A member written by hand in a message class (so the generator does not write it again).</summary>
internal sealed record HandWrittenMember(string Name, SourceSpot Spot);

/// <summary>
/// A class marked <c>[MessageArea("Prefix.")]</c>: the generator gives it one member per catalogue key of that prefix.
/// </summary>
internal sealed record MessageArea(
    string? Namespace,
    string ClassName,
    string Prefix,
    bool IsNested,
    SourceSpot Spot,
    EquatableArray<HandWrittenMember> HandWritten)
{
    public const string AttributeName = "SmtpConsole.Core.Messages.MessageAreaAttribute";

    public static MessageArea From(GeneratorAttributeSyntaxContext context)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        string prefix = context.Attributes.FirstOrDefault()?.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        var members = type.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.CanBeReferencedByName)
            .Select(m => new HandWrittenMember(m.Name, SourceSpot.Of(m.Locations.FirstOrDefault() ?? Location.None)))
            .Concat(type.GetTypeMembers().Select(t => new HandWrittenMember(t.Name, SourceSpot.Of(t.Locations.FirstOrDefault() ?? Location.None))))
            .GroupBy(m => m.Name)
            .Select(g => g.First())
            .ToImmutableArray();
        return new MessageArea(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            prefix,
            type.ContainingType is not null,
            SourceSpot.Of(type.Locations.FirstOrDefault() ?? Location.None),
            new EquatableArray<HandWrittenMember>(members));
    }
}
