using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.Text;

namespace SmtpConsole.Messages.Generator;

/// <summary>One text of the catalogue: its key, English text, <c>&lt;comment&gt;</c> (the parameter list) and where it stands.</summary>
internal sealed record ResxEntry(string Key, string Text, string? Comment, SourceSpot Spot);

/// <summary>
/// The string entries of one .resx file (the reference catalogue, Strings.resx), or why it could not be read.
/// </summary>
internal sealed record ResxCatalogue(string Path, EquatableArray<ResxEntry> Entries, string? Problem)
{
    public static ResxCatalogue Parse(string path, SourceText? text)
    {
        if (text is null) return new(path, default, "the file could not be read");
        XDocument document;
        try
        {
            document = XDocument.Parse(text.ToString(), LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            return new(path, default, e.Message);
        }

        var entries = ImmutableArray.CreateBuilder<ResxEntry>();
        foreach (var data in document.Root?.Elements("data") ?? [])
        {
            // Only strings: a typed entry (a file reference, a serialized object) has a type or mimetype attribute.
            if (data.Attribute("name")?.Value is not { } key || data.Attribute("type") is not null || data.Attribute("mimetype") is not null) continue;
            var line = (IXmlLineInfo)data;
            entries.Add(new ResxEntry(
                key,
                data.Element("value")?.Value ?? "",
                data.Element("comment")?.Value,
                SourceSpot.InFile(path, line.LineNumber, line.LinePosition)));
        }
        return new(path, new EquatableArray<ResxEntry>(entries.ToImmutable()), null);
    }
}
