namespace SmtpConsole.Fuzz;

/// <summary>The fuzz targets by the name fuzz/run.sh and fuzz/smoke.sh pass (also the name of each corpus folder).</summary>
internal static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["reply-parser"] = ReplyParserTarget.Run,
        ["script-reader"] = ScriptReaderTarget.Run,
    };
}
