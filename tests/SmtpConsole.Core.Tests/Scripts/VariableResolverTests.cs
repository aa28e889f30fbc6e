using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>Missing script variables are named by the engine; how to give one is each front end's wording.</summary>
public sealed class VariableResolverTests
{
    [Fact]
    public void ResolveAll_MissingValues_NamesEveryVariable_InNoFrontEndsTerms()
    {
        var resolver = new VariableResolver(new Dictionary<string, string> { ["GIVEN"] = "x" }, environment: _ => null);
        var refused = Assert.Throws<ScriptSyntaxException>(() => resolver.ResolveAll(["GIVEN", "USER", "PASS"], "s.smtp"));
        Assert.Equal(["USER", "PASS"], refused.MissingVariables);
        Assert.Equal("s.smtp: no value for USER, PASS", refused.Message);
        Assert.DoesNotContain("--var", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherScriptProblems_HaveNoMissingVariables()
    {
        var resolver = new VariableResolver(new Dictionary<string, string> { ["V"] = "a\r\nRSET" }, environment: _ => null);
        var refused = Assert.Throws<ScriptSyntaxException>(() => resolver.ResolveAll(["V"], "s.smtp"));
        Assert.Empty(refused.MissingVariables);
    }
}
