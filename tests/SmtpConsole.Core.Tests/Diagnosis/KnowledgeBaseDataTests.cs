using System.Text.RegularExpressions;
using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class KnowledgeBaseDataTests
{
    private static KnowledgeBase Kb => KnowledgeBase.Default;

    [Fact]
    public void ShippedData_HasNoProblems() =>
        Assert.True(Kb.Problems.Count == 0, string.Join(Environment.NewLine, Kb.Problems));

    [Fact]
    public void ShippedData_IsLoadedFromEmbeddedResources()
    {
        var asm = typeof(KnowledgeBase).Assembly;
        foreach (string name in new[] { KnowledgeBase.KnowledgeBaseResource, KnowledgeBase.ProvidersResource, KnowledgeBase.StatusCodesResource })
            Assert.NotNull(asm.GetManifestResourceStream(name));
        Assert.InRange(Kb.Entries.Count, 80, 400);
    }

    [Fact]
    public void EveryRegexCompiles()
    {
        foreach (var e in Kb.Entries.Where(e => e.Pattern is not null))
            _ = new Regex(e.Pattern!, RegexOptions.IgnoreCase);
        foreach (var p in Kb.Recognizer.Providers)
            foreach (string r in p.Hosts.Concat(p.Greetings).Concat(p.ReplyText))
                _ = new Regex(r, RegexOptions.IgnoreCase);
    }

    [Fact]
    public void EveryEntryHasCauseFixSourceAndTitle()
    {
        Assert.All(Kb.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title), e.Id);
            Assert.False(string.IsNullOrWhiteSpace(e.Cause), e.Id);
            Assert.NotEmpty(e.Fix);
            Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Id);
            Assert.NotEmpty(e.Codes);
        });
    }

    [Fact]
    public void IdsAreUnique() =>
        Assert.Equal(Kb.Entries.Count, Kb.Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void ReferencedProvidersExist() =>
        Assert.All(Kb.Entries.SelectMany(e => e.Providers), p => Assert.NotNull(Kb.Recognizer.Find(p)));

    [Theory]
    [InlineData("gmail"), InlineData("google-workspace"), InlineData("microsoft365"), InlineData("outlook"), InlineData("yahoo")]
    [InlineData("icloud"), InlineData("zoho"), InlineData("ses"), InlineData("sendgrid"), InlineData("mailgun"), InlineData("qq")]
    [InlineData("exmail"), InlineData("163"), InlineData("126"), InlineData("263"), InlineData("aliyun"), InlineData("postfix")]
    [InlineData("exim"), InlineData("dovecot")]
    public void RequiredProvidersAreCovered(string id)
    {
        Assert.NotNull(Kb.Recognizer.Find(id));
        Assert.Contains(Kb.Entries, e => e.Providers.Any(p => Kb.Recognizer.IsInFamily(id, p)));
    }

    [Theory]
    [InlineData("334"), InlineData("235"), InlineData("354"), InlineData("421"), InlineData("450"), InlineData("451"), InlineData("452")]
    [InlineData("500"), InlineData("501"), InlineData("502"), InlineData("503"), InlineData("504"), InlineData("530"), InlineData("534")]
    [InlineData("535"), InlineData("538"), InlineData("550"), InlineData("551"), InlineData("552"), InlineData("553"), InlineData("554"), InlineData("555")]
    public void GenericFallbackExistsForCode(string code) =>
        Assert.Contains(Kb.Entries, e => e.IsGeneric && e.Codes.Contains(code));

    [Fact]
    public void EveryExample_IsExplainedByItsOwnEntry()
    {
        var failures = new List<string>();
        foreach (var entry in Kb.Entries.Where(e => e.Example is not null))
        {
            var parsed = PastedReplyParser.Parse(entry.Example!);
            // An example quoted without its code (the source showed none) is explained from its words.
            var found = parsed.Facts ?? parsed.UncodedFacts;
            if (found is null) { failures.Add($"{entry.Id}: {parsed.Error}"); continue; }
            var facts = found with
            {
                ProviderHint = entry.IsGeneric ? null : entry.Providers[0],
                Phase = found.Phase ?? entry.Phase?.ToUpperInvariant(),
            };
            var explanation = ReplyExplainer.Explain(facts);
            if (!explanation.Matches.Any(m => m.Entry.Id == entry.Id))
                failures.Add($"{entry.Id}: not among matches of its example");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void BrokenData_IsReportedNotThrown()
    {
        const string kb = """{"entries":[{"id":"x","codes":["535"],"pattern":"(unclosed","title":"t","cause":"c","fix":["f"],"source":"s"},{"id":"x","codes":["9zz"],"providers":["nope"],"title":"t","cause":"c","fix":["f"],"source":"s"}]}""";
        var broken = KnowledgeBase.FromJson(kb, """{"providers":[]}""", """{"codes":[]}""");
        Assert.Contains(broken.Problems, p => p.Contains("invalid regex", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.Contains("duplicate id", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.Contains("unknown provider", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.Contains("bad code selector", StringComparison.Ordinal));
        var explanation = ReplyExplainer.Explain(new ReplyFacts(535, null, ["whatever"]), broken);
        Assert.Empty(explanation.Matches);
    }

    [Fact]
    public void MalformedJson_IsReportedNotThrown()
    {
        var broken = KnowledgeBase.FromJson("{not json", "{}", "{}");
        Assert.Contains(broken.Problems, p => p.StartsWith("knowledge-base.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_IsSameInstanceAcrossThreads()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<KnowledgeBase>();
        Parallel.For(0, 16, _ => seen.Add(KnowledgeBase.Default));
        Assert.Single(seen.Distinct());
    }
}
