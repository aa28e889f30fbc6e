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
    public void Corpus_HasAtLeastSixtySourcedCases()
    {
        Assert.True(ReplyCorpus.Cases.Count >= 60, $"only {ReplyCorpus.Cases.Count} cases");
        Assert.All(ReplyCorpus.Cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), $"case {c} has no source"));
        Assert.All(ReplyCorpus.Cases, c => Assert.NotNull(KnowledgeBase.Default.Find(c.Expect)));
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Corpus_TopMatchIsExpected(int index)
    {
        var c = ReplyCorpus.Cases.Single(x => x.Index == index);
        var explanation = Explain(c);
        string ranking = string.Join(", ", explanation.Matches.Take(4).Select(m => $"{m.Entry.Id}={m.Score}"));
        Assert.True(explanation.Best?.Entry.Id == c.Expect,
            $"case {c} ({c.Source}): expected {c.Expect}, got [{ranking}]; parsed {explanation.Facts.Code} {explanation.Facts.Enhanced} '{explanation.Facts.Text}' phase={explanation.Facts.Phase}");
        if (c.Phase is not null) Assert.Equal(c.Phase, explanation.Facts.Phase);
        Assert.False(string.IsNullOrWhiteSpace(explanation.OneLineHint));
    }

    internal static Explanation Explain(ReplyCorpusCase c)
    {
        var parsed = PastedReplyParser.Parse(c.Text);
        Assert.True(parsed.IsSuccess, $"case {c}: {parsed.Error}");
        var facts = parsed.Facts! with
        {
            Host = c.Host ?? parsed.Facts!.Host,
            Greeting = c.Greeting ?? parsed.Facts!.Greeting,
            ProviderHint = c.Provider,
        };
        return ReplyExplainer.Explain(facts);
    }
}
