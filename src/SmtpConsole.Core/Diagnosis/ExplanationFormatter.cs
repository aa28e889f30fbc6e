using System.Globalization;
using System.Text.Json;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Diagnosis;

/// <summary>Renders an <see cref="Explanation"/> for the CLI (text lines) and for <c>--json</c>.</summary>
public static class ExplanationFormatter
{
    private const int LabelWidth = 10;

    /// <summary>Text lines: reply, class, code meaning, enhanced meaning, provider, diagnosis (cause, fix, docs, source), other candidates.</summary>
    /// <param name="explanation">What to render.</param>
    /// <param name="maxAlternatives">How many lower-ranked matches to list after the best one.</param>
    /// <param name="language">Labels from the message catalogue, title/cause/fix from the entry's translation when it has one.</param>
    public static IReadOnlyList<string> FormatText(Explanation explanation, int maxAlternatives = 3, UiLanguage language = UiLanguage.English)
    {
        string Label(string key) => LabelText(key.Length == 0 ? string.Empty : MessageCatalog.Get("Explain." + key, language));
        string Say(string key, params object?[] args) => MessageCatalog.Format(language, "Explain." + key, args);
        ArgumentNullException.ThrowIfNull(explanation);
        var facts = explanation.Facts;
        var lines = new List<string>();
        string code = facts.Code.ToString(CultureInfo.InvariantCulture);
        string shownCode = facts.CodeInferred ? "(" + facts.CodeDisplayIn(language) + ")" : code;
        lines.Add(Label("Reply") + shownCode + (facts.Enhanced is { } e0 ? " " + e0 : string.Empty) + " " + facts.Text);
        lines.Add(Label("Class") + (language == UiLanguage.English ? explanation.ReplyClass : ReplyExplainer.DescribeClass(facts, explanation.Best, language)));
        if (explanation.CodeMeaning is { } cm)
            lines.Add(Label("Code") + (language == UiLanguage.SimplifiedChinese
                ? $"{code} — {StatusCodeTranslations.Title(cm, language)}（{cm.Rfc}）"
                : $"{code} — {cm.Title} ({cm.Rfc})"));
        else if (facts.CodeUnknown)
            lines.Add(Label("Code") + Say("CodeTextOnly")
                + (explanation.Best is { } b0 && b0.Entry.Codes.Count > 0 ? Say("UsuallySentAs", string.Join('/', b0.Entry.Codes)) : string.Empty));
        else if (facts.CodeInferred)
            lines.Add(Label("Code") + Say("CodeFromEnhanced", facts.Code / 100));
        if (explanation.Origin is { } origin)
            lines.Add(Label("Origin") + origin);
        if (facts.Enhanced is { } e)
        {
            string meaning = explanation.EnhancedMeaning is { } em
                ? explanation.EnhancedMeaningMisleading
                    ? Say("EnhancedMisleading", StatusCodeTranslations.Title(em, language))
                    : StatusCodeTranslations.Describe(em, language)
                : Say("EnhancedNotRegistered");
            lines.Add(Label("Enhanced") + $"{e} — {meaning}");
            string cls = explanation.EnhancedClass is { } ec ? StatusCodeTranslations.ClassTitle(ec, language) : "?";
            string subj = explanation.EnhancedSubject is { } es ? StatusCodeTranslations.SubjectTitle(es, language) : "?";
            lines.Add(Label(string.Empty) + Say("ClassSubject", e.Class, cls, e.Subject, subj));
        }
        if (explanation.Provider is { } p)
            lines.Add(Label("Provider") + Say("ProviderFrom", p.NameIn(language), p.Describe(language)));
        if (facts.Phase is not null)
            lines.Add(Label("Phase") + Say("PhaseAnswers", facts.Phase));

        if (explanation.Best is { } best)
        {
            var entry = best.Entry;
            var text = KnowledgeTranslations.Find(entry.Id, language);
            lines.Add(string.Empty);
            if (text is null && language != UiLanguage.English) lines.Add(Say("NotTranslated"));
            lines.Add(Label("Diagnosis") + $"{text?.Title ?? entry.Title}  [{entry.Id}]");
            lines.Add(Label("Cause") + (text?.Cause ?? entry.Cause));
            lines.Add(Label("Fix").TrimEnd());
            var fix = text?.Fix ?? entry.Fix;
            for (int i = 0; i < fix.Count; i++)
                lines.Add($"  {i + 1}. {fix[i]}");
            if (entry.Docs is not null) lines.Add(Label("Docs") + entry.Docs);
            lines.Add(Label("Source") + entry.Source);
            lines.Add(Label("Matched") + string.Join(MessageCatalog.Get("Match.Separator", language), best.Why.Select(r => r.In(language))));
        }
        else
        {
            lines.Add(string.Empty);
            lines.Add(Label("Diagnosis") + Say("NoMatch"));
        }

        var others = explanation.Matches.Skip(1).Take(maxAlternatives).ToList();
        if (others.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add(Say("Others"));
            foreach (var m in others)
                lines.Add(Say("OtherItem", KnowledgeTranslations.Find(m.Entry.Id, language)?.Title ?? m.Entry.Title, m.Entry.Id, m.Score.ToString(CultureInfo.InvariantCulture)));
        }
        return lines;
    }

    /// <summary>Writes the explanation as one JSON object (stable property names, camelCase).</summary>
    /// <param name="writer">Where the object goes.</param>
    /// <param name="explanation">What to write.</param>
    /// <param name="maxMatches">How many matches to list.</param>
    /// <param name="language">Other than English: each match also carries a <c>localized</c> object (language, title, cause, fix, hint) next to the English.</param>
    public static void WriteJson(Utf8JsonWriter writer, Explanation explanation, int maxMatches = 5, UiLanguage language = UiLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(explanation);
        var facts = explanation.Facts;
        writer.WriteStartObject();

        writer.WriteStartObject("reply");
        // An inferred code is never printed as if it had been sent: null here, the class in codeClass.
        if (facts.CodeInferred) writer.WriteNull("code"); else writer.WriteNumber("code", facts.Code);
        writer.WriteBoolean("codeInferred", facts.CodeInferred);
        if (facts.CodeUnknown) writer.WriteNull("codeClass"); else writer.WriteNumber("codeClass", facts.Code / 100);
        writer.WriteString("codeDisplay", facts.CodeDisplay);
        writer.WriteBoolean("fromRemoteServer", facts.FromRemoteServer);
        if (facts.Enhanced is { } e) writer.WriteString("enhanced", e.ToString()); else writer.WriteNull("enhanced");
        writer.WriteStartArray("lines");
        foreach (string l in facts.Lines) writer.WriteStringValue(l);
        writer.WriteEndArray();
        WriteOptional(writer, "host", facts.Host);
        WriteOptional(writer, "greeting", facts.Greeting);
        WriteOptional(writer, "phase", facts.Phase);
        writer.WriteEndObject();

        writer.WriteString("class", explanation.ReplyClass);
        WriteOptional(writer, "origin", explanation.Origin);
        if (explanation.CodeMeaning is { } cm)
        {
            writer.WriteStartObject("codeMeaning");
            writer.WriteString("title", cm.Title);
            writer.WriteString("rfc", cm.Rfc);
            writer.WriteEndObject();
        }
        else writer.WriteNull("codeMeaning");

        if (facts.Enhanced is { } enh)
        {
            writer.WriteStartObject("enhancedMeaning");
            writer.WriteString("code", enh.ToString());
            WriteOptional(writer, "registryKey", explanation.EnhancedMeaning?.Code);
            WriteOptional(writer, "title", explanation.EnhancedMeaning?.Title);
            WriteOptional(writer, "description", explanation.EnhancedMeaning?.Description);
            WriteOptional(writer, "rfc", explanation.EnhancedMeaning?.Rfc);
            WriteOptional(writer, "class", explanation.EnhancedClass?.Title);
            WriteOptional(writer, "subject", explanation.EnhancedSubject?.Title);
            writer.WriteBoolean("registryTitleApplies", !explanation.EnhancedMeaningMisleading);
            writer.WriteEndObject();
        }
        else writer.WriteNull("enhancedMeaning");

        if (explanation.Provider is { } p)
        {
            writer.WriteStartObject("provider");
            writer.WriteString("id", p.Id);
            writer.WriteString("name", p.Name);
            writer.WriteString("evidence", p.Evidence.ToString().ToLowerInvariant());
            writer.WriteString("detail", p.Detail);
            WriteOptional(writer, "docs", p.Provider.Docs);
            writer.WriteEndObject();
        }
        else writer.WriteNull("provider");

        WriteOptional(writer, "oneLineHint", explanation.OneLineHint);
        writer.WriteString("summary", explanation.Summary);

        writer.WriteStartArray("matches");
        foreach (var m in explanation.Matches.Take(maxMatches))
        {
            writer.WriteStartObject();
            writer.WriteString("id", m.Entry.Id);
            writer.WriteNumber("score", m.Score);
            writer.WriteString("title", m.Entry.Title);
            writer.WriteString("cause", m.Entry.Cause);
            writer.WriteStartArray("fix");
            foreach (string f in m.Entry.Fix) writer.WriteStringValue(f);
            writer.WriteEndArray();
            WriteOptional(writer, "docs", m.Entry.Docs);
            writer.WriteString("source", m.Entry.Source);
            if (m.Entry.RetryHelps is { } retry) writer.WriteBoolean("retryHelps", retry); else writer.WriteNull("retryHelps");
            writer.WriteStartArray("reasons");
            foreach (string r in m.Reasons) writer.WriteStringValue(r);
            writer.WriteEndArray();
            if (KnowledgeTranslations.Find(m.Entry.Id, language) is { } localized) WriteLocalized(writer, language, localized);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLocalized(Utf8JsonWriter writer, UiLanguage language, LocalizedEntryText text)
    {
        writer.WriteStartObject("localized");
        writer.WriteString("language", language.Tag());
        writer.WriteString("title", text.Title);
        writer.WriteString("cause", text.Cause);
        writer.WriteStartArray("fix");
        foreach (string f in text.Fix) writer.WriteStringValue(f);
        writer.WriteEndArray();
        WriteOptional(writer, "hint", text.Hint);
        writer.WriteEndObject();
    }

    /// <summary>A label padded to a fixed number of terminal columns (a CJK character takes two).</summary>
    private static string LabelText(string label)
    {
        if (label.Length == 0) return new string(' ', LabelWidth + 1);
        string text = label + (TerminalText.Columns(label) > label.Length ? "：" : ":");
        return TerminalText.PadRight(text, LabelWidth + 1);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name); else writer.WriteString(name, value);
    }
}
