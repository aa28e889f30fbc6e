using System.Diagnostics;
using SmtpConsole.Core.Diagnosis;

namespace SmtpConsole.Core.Tests.Diagnosis;

/// <summary>
/// Knowledge patterns run with a wall-clock timeout (they come from a file anyone can edit). Only a definite "does not
/// match its own example" may drop an entry: a self-check that merely ran out of time — which a good pattern can do on
/// a busy machine — must not silently remove it from every diagnosis the process makes.
/// </summary>
public sealed class DiagnosisRegexTimeoutTests
{
    private static KnowledgeBase Load(string entries) =>
        KnowledgeBase.FromJson($$"""{"entries":[{{entries}}]}""", """{"providers":[]}""", """{"codes":[]}""");

    [Fact]
    public void An_example_that_does_not_match_drops_the_entry_and_says_so()
    {
        var kb = Load("""{"id":"wrong-example","codes":["550"],"pattern":"relay","example":"550 mailbox full","title":"t","cause":"c","fix":["f"],"source":"s"}""");
        Assert.Contains(kb.Problems, p => p.Contains("wrong-example", StringComparison.Ordinal) && p.Contains("does not match its own example", StringComparison.Ordinal));
        Assert.Null(ReplyExplainer.Explain(new ReplyFacts(550, null, ["relay denied"]), kb).Best);
    }

    [Fact]
    public void A_self_check_that_times_out_keeps_the_entry_and_a_runtime_timeout_only_costs_the_timeout()
    {
        // (a+)+$ against a long run of a's followed by '!' backtracks for far longer than the timeout.
        string slow = new string('a', 40) + "!";
        var kb = Load($$"""
            {"id":"slow","codes":["550"],"pattern":"(a+)+$","example":"{{slow}}","title":"t","cause":"c","fix":["f"],"source":"s"},
            {"id":"plain","codes":["550"],"title":"t","cause":"c","fix":["f"],"source":"s"}
            """);
        Assert.DoesNotContain(kb.Problems, p => p.Contains("slow", StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        var explanation = ReplyExplainer.Explain(new ReplyFacts(550, null, [slow]), kb);
        Assert.Equal("plain", explanation.Best?.Entry.Id);
        Assert.True(clock.Elapsed < DiagnosisRegex.Timeout * 3, $"explaining took {clock.Elapsed}");
    }
}
