namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>One block of Corpus/replies.txt.</summary>
public sealed record ReplyCorpusCase(int Index, string Source, string Text, string Expect, string? Host, string? Greeting, string? Provider, string? Phase)
{
    public override string ToString() => $"#{Index} {Expect}";
}
