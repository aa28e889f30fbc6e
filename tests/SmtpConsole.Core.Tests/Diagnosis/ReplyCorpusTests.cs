using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class ReplyCorpusTests
{
    public static TheoryData<int> CaseIndexes()
    {
        var data = new TheoryData<int>();
        foreach (var c in ReplyCorpus.Cases) data.Add(c.Index);
        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastTwoHundredSourcedCasesFromFifteenServers()
    {
        Assert.True(ReplyCorpus.Cases.Count >= 200, $"only {ReplyCorpus.Cases.Count} cases");
        Assert.All(ReplyCorpus.Cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), $"case {c} has no source"));
        Assert.All(ReplyCorpus.Cases, c => Assert.NotNull(KnowledgeBase.Default.Find(c.Expect)));
        var servers = ReplyCorpus.Cases.Select(ServerOf).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(servers.Count >= 15, $"only {servers.Count} providers/MTAs: {string.Join(", ", servers.Order())}");
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Corpus_TopMatchIsExpected(int index)
    {
        var c = ReplyCorpus.Cases.Single(x => x.Index == index);
        var explanation = Explain(c);
        string ranking = string.Join(", ", explanation.Matches.Take(4).Select(m => $"{m.Entry.Id}={m.Score}"));
        Assert.True(explanation.Best?.Entry.Id == c.Expect,
            $"case {c} ({c.Source}): expected {c.Expect}, got [{ranking}]; parsed {explanation.Facts.CodeDisplay} {explanation.Facts.Enhanced} '{explanation.Facts.Text}' phase={explanation.Facts.Phase}");
        if (c.Phase is not null) Assert.Equal(c.Phase, explanation.Facts.Phase);
        Assert.False(string.IsNullOrWhiteSpace(explanation.OneLineHint));
    }

    /// <summary>
    /// The hit rate over the whole corpus, with confident wrong directions counted apart, and the README line that
    /// reports it checked against what was measured (so the published number cannot drift from the test).
    /// </summary>
    [Fact]
    public void Corpus_HitRate_IsAtLeast95Percent_WithNoWrongDirection()
    {
        var score = CorpusScore.Measure(ReplyCorpus.Cases, Explain);
        string misses = string.Join("\n", score.Misses.Select(m => $"  {m}"));
        Assert.True(score.WrongDirections == 0, $"{score.WrongDirections} confident wrong directions:\n{misses}");
        Assert.True(score.HitRate >= 0.95, $"hit rate {score.HitRate:P1} ({score.Hits}/{score.Total}):\n{misses}");

        string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ReplyCorpus.CorpusPath())!, "..", "..", "..", "..", "README.md"));
        string expected = score.ReadmeLine();
        Assert.True(readme.Contains(expected, StringComparison.Ordinal), $"README.md should contain the measured line:\n{expected}");
    }

    internal static string? ServerOf(ReplyCorpusCase c)
    {
        if (c.Server is not null) return c.Server;
        var entry = KnowledgeBase.Default.Find(c.Expect);
        if (entry is { IsGeneric: false }) return entry.Providers[0] is "google-workspace" ? "gmail" : entry.Providers[0];
        if (c.Provider is not null) return c.Provider;
        return Explain(c).Provider?.Id;
    }

    internal static Explanation Explain(ReplyCorpusCase c)
    {
        var (explanation, error) = PastedReplyExplainer.Explain(c.Text, f => f with
        {
            Host = c.Host ?? f.Host,
            Greeting = c.Greeting ?? f.Greeting,
            ProviderHint = c.Provider,
        });
        Assert.True(explanation is not null, $"case {c}: {error}");
        return explanation!;
    }
}
