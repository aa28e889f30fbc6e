namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>One block of Corpus/replies.txt.</summary>
public sealed record ReplyCorpusCase(int Index, string Source, string Text, string Expect, string? Host, string? Greeting, string? Provider, string? Phase)
{
    /// <summary>Who sent the reply (provider or MTA id) when neither the expected entry nor the host says it.</summary>
    public string? Server { get; init; }

    public override string ToString() => $"#{Index} {Expect}";
}
