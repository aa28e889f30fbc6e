namespace SmtpConsole.Core.Profiles;

/// <summary>An object or array the JSON scan is inside of, with what is needed to build configuration paths.</summary>
internal sealed class ProfileJsonContainer(string path, bool isArray)
{
    public string Path { get; } = path;

    public bool IsArray { get; } = isArray;

    /// <summary>Index the next array element gets in its configuration path.</summary>
    public int NextIndex { get; set; }

    /// <summary>Keys seen so far in this object, to catch duplicates the configuration system would reject.</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);
}
