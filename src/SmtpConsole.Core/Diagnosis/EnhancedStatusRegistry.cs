using System.Globalization;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>The IANA SMTP enhanced status code registry (RFC 3463 and later additions) plus basic reply code meanings.</summary>
public sealed class EnhancedStatusRegistry
{
    private readonly Dictionary<string, EnhancedStatusMeaning> _codes;
    private readonly Dictionary<int, StatusCategoryMeaning> _classes;
    private readonly Dictionary<int, StatusCategoryMeaning> _subjects;
    private readonly Dictionary<int, ReplyCodeMeaning> _replyCodes;

    internal EnhancedStatusRegistry(
        IEnumerable<StatusCategoryMeaning> classes,
        IEnumerable<StatusCategoryMeaning> subjects,
        IEnumerable<EnhancedStatusMeaning> codes,
        IEnumerable<ReplyCodeMeaning> replyCodes,
        string? source)
    {
        _classes = classes.ToDictionary(c => c.Number);
        _subjects = subjects.ToDictionary(s => s.Number);
        _codes = new Dictionary<string, EnhancedStatusMeaning>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in codes) _codes.TryAdd(c.Code, c);
        _replyCodes = new Dictionary<int, ReplyCodeMeaning>();
        foreach (var r in replyCodes) _replyCodes.TryAdd(r.Code, r);
        Source = source;
    }

    /// <summary>The registry from the embedded <c>enhanced-status-codes.json</c>.</summary>
    public static EnhancedStatusRegistry Default => KnowledgeBase.Default.Registry;

    /// <summary>Where the registry data comes from.</summary>
    public string? Source { get; }

    /// <summary>All X.Y.Z entries.</summary>
    public IReadOnlyCollection<EnhancedStatusMeaning> Codes => _codes.Values;

    /// <summary>All classes (2, 4, 5).</summary>
    public IReadOnlyCollection<StatusCategoryMeaning> Classes => _classes.Values;

    /// <summary>All subjects (0-7).</summary>
    public IReadOnlyCollection<StatusCategoryMeaning> Subjects => _subjects.Values;

    /// <summary>All basic reply codes with a registered meaning.</summary>
    public IReadOnlyCollection<ReplyCodeMeaning> ReplyCodes => _replyCodes.Values;

    /// <summary>Meaning of class 2, 4 or 5.</summary>
    public StatusCategoryMeaning? GetClass(int cls) => _classes.GetValueOrDefault(cls);

    /// <summary>Meaning of subject 0-7.</summary>
    public StatusCategoryMeaning? GetSubject(int subject) => _subjects.GetValueOrDefault(subject);

    /// <summary>Looks up <c>X.subject.detail</c> for a code (the class does not change the registry entry).</summary>
    public EnhancedStatusMeaning? Lookup(EnhancedStatusCode code) =>
        _codes.GetValueOrDefault(string.Create(CultureInfo.InvariantCulture, $"X.{code.Subject}.{code.Detail}"));

    /// <summary>Looks up a registry key such as <c>X.7.8</c> or a concrete code such as <c>5.7.8</c>.</summary>
    public EnhancedStatusMeaning? Lookup(string code)
    {
        if (EnhancedStatusCode.TryParse(code, out var parsed)) return Lookup(parsed.Value);
        return _codes.GetValueOrDefault(code);
    }

    /// <summary>Standard meaning of a basic reply code such as 535.</summary>
    public ReplyCodeMeaning? GetReplyCode(int code) => _replyCodes.GetValueOrDefault(code);
}
