using System.Text;
using System.Text.Json;

namespace SmtpConsole.Core.Profiles;

/// <summary>
/// Reads a profile file with <see cref="Utf8JsonReader"/> before the configuration system does, because the
/// configuration system reports a broken file with an exception and no friendly position. The scan yields
/// either "file, line, what was expected" or the line and column of every key, keyed by configuration path.
/// </summary>
internal static class ProfileJsonScanner
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    // The same leniency as Microsoft.Extensions.Configuration.Json, so a file passes here exactly when it loads there.
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private const string SkippedSuffix = "; this file was skipped, the other profile files still load";

    public static ProfileJsonScan Scan(ReadOnlySpan<byte> content, string filePath)
    {
        // Utf8JsonReader does not skip a byte-order mark; editors on Windows often write one.
        if (content.StartsWith(Utf8Bom))
            content = content[Utf8Bom.Length..];

        // The reader reports an empty document as "reached end of data"; say plainly what is wrong instead.
        if (content.Trim(" \t\r\n"u8).IsEmpty)
            return Fail(filePath, new ProfileJsonLocation(1, 1), "the file is empty; expected { \"profiles\": { ... } }");

        var lineStarts = FindLineStarts(content);
        var locations = new Dictionary<string, ProfileJsonLocation>(StringComparer.OrdinalIgnoreCase);
        var containers = new Stack<ProfileJsonContainer>();
        string? pendingPropertyPath = null;
        var reader = new Utf8JsonReader(content, ReaderOptions);
        try
        {
            if (!reader.Read())
                return Fail(filePath, new ProfileJsonLocation(1, 1), "the file contains only comments; expected { \"profiles\": { ... } }");

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(filePath, Locate(content, lineStarts, reader.TokenStartIndex),
                    "expected a JSON object at the top level, like { \"profiles\": { \"name\": { ... } } }");
            }

            containers.Push(new ProfileJsonContainer(string.Empty, isArray: false));
            while (reader.Read() && containers.Count > 0)
            {
                var container = containers.Peek();
                var location = Locate(content, lineStarts, reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString() ?? string.Empty;
                        var propertyPath = Combine(container.Path, name);
                        // Configuration keys are case-insensitive, so "Host" after "host" is a duplicate it would reject.
                        if (!container.Keys.Add(name))
                            return Fail(filePath, location, $"the key '{name}' appears twice in the same object (keys are case-insensitive)");
                        locations[propertyPath] = location;
                        pendingPropertyPath = propertyPath;
                        break;

                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var containerPath = TakeValuePath(container, ref pendingPropertyPath, location, locations);
                        containers.Push(new ProfileJsonContainer(containerPath, reader.TokenType == JsonTokenType.StartArray));
                        break;

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        break;

                    default:
                        TakeValuePath(container, ref pendingPropertyPath, location, locations);
                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            var insideArray = containers.Count > 0 && containers.Peek().IsArray;
            var line = (int)Math.Clamp(exception.LineNumber ?? 0, 0, int.MaxValue - 1);
            var column = CharacterColumn(content, lineStarts, line, exception.BytePositionInLine ?? 0);
            return Fail(filePath, new ProfileJsonLocation(line + 1, column), "malformed JSON: " + Explain(exception.Message, insideArray));
        }

        return ProfileJsonScan.Succeeded(locations);
    }

    private static ProfileJsonScan Fail(string filePath, ProfileJsonLocation location, string message) =>
        ProfileJsonScan.Failed(new ProfileDiagnostic(
            ProfileDiagnosticSeverity.Error, message + SkippedSuffix, filePath, location.Line, location.Column));

    private static string TakeValuePath(
        ProfileJsonContainer container,
        ref string? pendingPropertyPath,
        ProfileJsonLocation location,
        Dictionary<string, ProfileJsonLocation> locations)
    {
        if (container.IsArray)
        {
            // Configuration flattens arrays to "path:0", "path:1", ...
            var elementPath = Combine(container.Path, container.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            container.NextIndex++;
            locations[elementPath] = location;
            return elementPath;
        }

        var path = pendingPropertyPath ?? container.Path;
        pendingPropertyPath = null;
        return path;
    }

    private static string Combine(string parent, string key) => parent.Length == 0 ? key : parent + ":" + key;

    /// <summary>A fragment of System.Text.Json's reader message, and what the user should type instead; first match wins.</summary>
    private static readonly (string Fragment, string Advice)[] ReaderAdvice =
    [
        ("is invalid after a property name", "expected ':' after the property name"),
        ("invalid start of a property name", "expected a property name in double quotes, or '}'"),
        ("invalid start of a value", "expected a value: a \"string\" in double quotes, a number, true, false, null, an object or an array"),
        ("Expected end of string", "a string is not closed: expected '\"' before the end of the file"),
        ("Expected depth to be zero", FileEndsEarly),
        ("reached end of data", FileEndsEarly),
        ("invalid escapable character", "invalid escape in a string: write a backslash as \\\\ (for Windows paths, C:\\\\Users\\\\...) or use '/'"),
        ("is invalid within a JSON string", "invalid character inside a string: a tab or line break must be written as \\t or \\n"),
        ("invalid JSON literal", "expected true, false or null (text values need double quotes)"),
        ("after a single JSON value", "unexpected text after the closing '}' of the file"),
        ("without a matching open", "a '}' or ']' has no matching '{' or '['"),
    ];

    private const string FileEndsEarly = "the file ends too early: expected '}' or ']' to close an object or array";

    /// <summary>Turns System.Text.Json's reader message into what the user should type.</summary>
    private static string Explain(string readerMessage, bool insideArray)
    {
        // The reader appends " LineNumber: n | BytePositionInLine: m." which the diagnostic already shows better.
        var positionSuffix = readerMessage.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var core = (positionSuffix >= 0 ? readerMessage[..positionSuffix] : readerMessage).Trim();

        if (core.Contains("is invalid after a value", StringComparison.Ordinal))
        {
            return insideArray
                ? "expected ',' or ']' after an array element (is a comma missing?)"
                : "expected ',' or '}' after a property value (is a comma missing at the end of the previous value?)";
        }

        foreach (var (fragment, advice) in ReaderAdvice)
        {
            if (core.Contains(fragment, StringComparison.Ordinal))
                return advice;
        }

        return core;
    }

    private static List<int> FindLineStarts(ReadOnlySpan<byte> content)
    {
        // The reader counts lines by '\n' only, so do the same.
        var starts = new List<int> { 0 };
        for (var index = 0; index < content.Length; index++)
        {
            if (content[index] == (byte)'\n')
                starts.Add(index + 1);
        }

        return starts;
    }

    private static ProfileJsonLocation Locate(ReadOnlySpan<byte> content, List<int> lineStarts, long byteIndex)
    {
        var offset = (int)Math.Clamp(byteIndex, 0, content.Length);
        var found = lineStarts.BinarySearch(offset);
        var line = found >= 0 ? found : ~found - 1;
        return new ProfileJsonLocation(line + 1, CharacterColumn(content, lineStarts, line, offset - lineStarts[line]));
    }

    private static int CharacterColumn(ReadOnlySpan<byte> content, List<int> lineStarts, int lineIndex, long bytePositionInLine)
    {
        if (lineIndex < 0 || lineIndex >= lineStarts.Count)
            return (int)Math.Clamp(bytePositionInLine, 0, int.MaxValue - 1) + 1;

        // Columns are counted in characters so that non-ASCII text before the error does not shift them.
        var start = lineStarts[lineIndex];
        var length = (int)Math.Clamp(bytePositionInLine, 0, content.Length - start);
        return Encoding.UTF8.GetCharCount(content.Slice(start, length)) + 1;
    }
}
