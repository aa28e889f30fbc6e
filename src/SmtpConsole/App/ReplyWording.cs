using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.App;

/// <summary>
/// How the screen words what the engine worked out about a reply: the hint row under a failure (the engine's hint
/// plus the screen's own pointer to F4), and the F4 explanation. Nothing here works out which command a reply
/// answers: that comes typed on the reply event (<see cref="ReplyContext"/>).
/// </summary>
internal static class ReplyWording
{
    /// <summary>The screen's pointer to the full explanation.</summary>
    public static string ExplainPointer(UiLanguage language = UiLanguage.English) => language.Say("ExplainPointer");

    /// <summary>The hint row under an event (a reply's hint, or an error's remedy in the screen's words), or null.</summary>
    public static string? HintRow(TranscriptEvent e, UiLanguage language = UiLanguage.English) =>
        e.Context?.Hint is { } hint ? hint + ExplainPointer(language)
        : TuiRemedies.For(e.Remedy, language) is { } remedy ? language.Say("WhatToDo", remedy) : null;

    /// <summary>The F4 text of a reply event: the cause read from the session's state first, then the knowledge base's explanation.</summary>
    public static IReadOnlyList<string> Explain(SmtpSession session, TranscriptEvent e, UiLanguage language = UiLanguage.English)
    {
        if (e.Reply is not { } reply) return [language.Say("Explain.NotAReply")];
        if (reply.IsMalformed) return [language.Say("Explain.NotValidSmtp", reply.Problem), language.Say("Explain.Raw", ServerText.EscapeBytes(reply.RawBytes))];
        var lines = new List<string>();
        if (e.Context?.StateHint is { } state)
        {
            lines.Add(language.Say("Explain.InThisSession", state.Text));
            lines.Add(string.Empty);
        }
        lines.AddRange(ExplanationFormatter.FormatText(session.Explain(e), language: language));
        return lines;
    }

    /// <summary>What an RFC 3463 enhanced status code means, from the IANA registry.</summary>
    public static string EnhancedMeaning(EnhancedStatusCode code, UiLanguage language = UiLanguage.English)
    {
        var registry = EnhancedStatusRegistry.Default;
        if (registry.Lookup(code) is { } meaning)
            return language == UiLanguage.SimplifiedChinese
                ? $"{StatusCodeTranslations.Title(meaning, language)}：{StatusCodeTranslations.Description(meaning, language)}（{meaning.Rfc}）"
                : $"{meaning.Title}: {meaning.Description} ({meaning.Rfc})";
        string cls = registry.GetClass(code.Class) is { } c ? StatusCodeTranslations.ClassTitle(c, language) : "?";
        string subject = registry.GetSubject(code.Subject) is { } s ? StatusCodeTranslations.SubjectTitle(s, language) : "?";
        return language.Say("Details.EnhancedNotRegistered", code.Class, cls, code.Subject, subject);
    }
}
