using System.Text.Json;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Cli;

/// <summary>
/// <c>profiles show NAME --json</c>: the merged profile for scripts. Values and their origins as <c>profiles show</c>
/// lists them, the English description and notes, and the <c>"zh-CN"</c> ones alongside when the profile has them
/// (whatever <c>--lang</c> says, so the output is the same on every machine). Secrets never appear (only where they come from).
/// </summary>
internal static class ProfileShowJson
{
    private static readonly HashSet<string> TextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "description", "notes.connect", "notes.failure", "sources", "zh-CN.description", "zh-CN.notes.connect", "zh-CN.notes.failure",
    };

    public static void Write(Utf8JsonWriter w, ProfileCatalog catalog, string name)
    {
        string display = catalog.DisplayName(name);
        var origins = catalog.Explain(display);
        w.WriteStartObject();
        w.WriteString("name", display);
        w.WriteBoolean("valid", !catalog.IsInvalid(display));
        w.WriteStartArray("fields");
        // Texts and lists have their own members below; the table's joined form would lose where one item ends.
        foreach (var origin in origins.Where(o => o.Value is not null && !TextFields.Contains(o.Field)))
        {
            w.WriteStartObject();
            w.WriteString("field", origin.Field);
            w.WriteString("value", origin.Value);
            w.WriteString("from", ProfileShowFormatter.DescribeOrigin(origin));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteText(w, catalog.RawValue(display, "description"), catalog.RawList(display, "notes:connect"), catalog.RawList(display, "notes:failure"));
        string? description = catalog.ChineseValue(display, "description");
        var connect = catalog.ChineseList(display, "notes:connect");
        var failure = catalog.ChineseList(display, "notes:failure");
        if (description is not null || connect.Count > 0 || failure.Count > 0)
        {
            w.WriteStartObject("zh-CN");
            WriteText(w, description, connect, failure);
            w.WriteEndObject();
        }
        w.WriteStartArray("sources");
        foreach (string source in catalog.RawList(display, "sources")) w.WriteStringValue(source);
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var diagnostic in catalog.DiagnosticsFor(display)) w.WriteStringValue(diagnostic.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter w, string? description, IReadOnlyList<string> connect, IReadOnlyList<string> failure)
    {
        if (description is null) w.WriteNull("description");
        else w.WriteString("description", description);
        w.WriteStartObject("notes");
        w.WriteStartArray("connect");
        foreach (string note in connect) w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteStartArray("failure");
        foreach (string note in failure) w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
