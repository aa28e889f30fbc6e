using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileVariablesTests
{
    private static readonly Func<string, string?> Region = name => name == "region" ? "eu-west-1" : null;

    [Fact]
    public void A_region_reference_is_expanded()
    {
        var result = ProfileVariables.Expand("email-smtp.${region}.amazonaws.com", Region);

        Assert.True(result.Succeeded);
        Assert.Equal("email-smtp.eu-west-1.amazonaws.com", result.Value);
    }

    [Fact]
    public void A_missing_variable_fails_naming_the_variable_and_the_environment_variable_but_no_front_ends_flag()
    {
        var result = ProfileVariables.Expand("email-smtp.${region}.amazonaws.com", _ => null);

        Assert.False(result.Succeeded);
        Assert.Equal("region", result.MissingVariable);
        Assert.Contains("'region'", result.Error, StringComparison.Ordinal);
        // How to give a value (replay's --var, a question) is each front end's to word, from MissingVariable.
        Assert.DoesNotContain("--var", result.Error, StringComparison.Ordinal);
        Assert.Contains("SMTPCONSOLE_REGION", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_value_counts_as_missing()
    {
        Assert.False(ProfileVariables.Expand("${region}", _ => string.Empty).Succeeded);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("cost $5", "cost $5")]
    [InlineData("$${region}", "${region}")]
    [InlineData("${ region }-${region}", "eu-west-1-eu-west-1")]
    public void Text_without_references_and_escapes_are_kept(string template, string expected)
    {
        var result = ProfileVariables.Expand(template, Region);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("smtp.${region", "without a closing")]
    [InlineData("smtp.${}.com", "not a valid variable name")]
    [InlineData("smtp.${a b}.com", "not a valid variable name")]
    public void Malformed_references_fail_with_a_reason(string template, string expected)
    {
        var result = ProfileVariables.Expand(template, Region);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resolver_prefers_command_line_values_then_the_environment()
    {
        var environment = new Dictionary<string, string> { ["SMTPCONSOLE_REGION"] = "us-east-1", ["SMTPCONSOLE_ZONE_NAME"] = "z" };
        var fromEnvironment = ProfileVariables.CreateResolver(new Dictionary<string, string>(), environment);
        var fromFlag = ProfileVariables.CreateResolver(new Dictionary<string, string> { ["Region"] = "ap-south-1" }, environment);

        Assert.Equal("us-east-1", fromEnvironment("region"));
        Assert.Equal("z", fromEnvironment("zone-name"));
        Assert.Null(fromEnvironment("other"));
        Assert.Equal("ap-south-1", fromFlag("region"));
    }

    [Fact]
    public void Try_apply_expands_the_shipped_ses_profile()
    {
        var catalog = ProfileCatalog.Load(new ProfileSources
        {
            ShippedDirectory = ProfileSources.FindShippedDirectory(AppContext.BaseDirectory),
            Environment = new Dictionary<string, string>(),
        });
        Assert.True(catalog.TryGet("ses", out var ses, out _));
        var resolver = ProfileVariables.CreateResolver(new Dictionary<string, string>(), new Dictionary<string, string> { ["SMTPCONSOLE_REGION"] = "eu-central-1" });

        Assert.True(ProfileVariables.TryApply(ses, resolver, out var expanded, out var error), error);
        Assert.Equal("email-smtp.eu-central-1.amazonaws.com", expanded.Host);

        Assert.False(ProfileVariables.TryApply(ses, _ => null, out _, out var missing));
        Assert.Contains("profile 'ses'", missing, StringComparison.Ordinal);
        Assert.Contains("SMTPCONSOLE_REGION", missing, StringComparison.Ordinal);
        Assert.False(ProfileVariables.TryApply(ses, _ => null, out _, out _, out var missingVariable));
        Assert.Equal("region", missingVariable);
    }

    [Fact]
    public void References_are_listed_in_order()
    {
        Assert.Equal(["a", "b"], ProfileVariables.FindReferences("${a}.$${x}.${b}"));
    }
}
