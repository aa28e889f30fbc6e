using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpConsole.Core.Messages;
using SmtpConsole.Messages.Generator;
using static SmtpConsole.Core.Tests.Messages.Generator.GeneratorHarness;

namespace SmtpConsole.Core.Tests.Messages.Generator;

/// <summary>
/// The message generator: a key of the area becomes a property (no placeholder) or a method whose parameters the key's
/// comment names and types; what cannot become a sound member stops the build with an error naming the key.
/// </summary>
public class MessageAccessorGeneratorTests
{
    private const string DemoClass = """
        namespace Sample;

        /// <summary>A demo area.</summary>
        [SmtpConsole.Core.Messages.MessageArea("Demo.")]
        public static partial class DemoMessages
        {
            public static int NotAMessage => 1;
        }
        """;

    [Fact]
    public void TextWithoutPlaceholder_BecomesAStringProperty()
    {
        var result = Run(DemoClass, Resx(("Demo.Greeting", "hello there", null), ("Demo.Braces", "use {{name}} literally", null)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileErrors);
        var type = result.Type("Sample.DemoMessages");
        foreach (string name in new[] { "Greeting", "Braces" })
        {
            var property = Assert.IsAssignableFrom<IPropertySymbol>(Assert.Single(type.GetMembers(name)));
            Assert.True(property.IsStatic && property.IsReadOnly);
            Assert.Equal(SpecialType.System_String, property.Type.SpecialType);
            Assert.Equal(Accessibility.Public, property.DeclaredAccessibility);
        }
    }

    [Fact]
    public void TextWithPlaceholders_BecomesAMethod_WithTheCommentsNamesAndTypes()
    {
        var result = Run(DemoClass, Resx(
            ("Demo.Welcome", "welcome {0}, wait {1} seconds ({2})", "user, int seconds, long bytes | Said once per login."),
            ("Demo.Repeat", "{0} and {0:X} again, {1,5}", "string? first, second"),
            ("Other.Welcome", "not this area {0}", null)));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.CompileErrors);
        var type = result.Type("Sample.DemoMessages");
        var welcome = Assert.IsAssignableFrom<IMethodSymbol>(Assert.Single(type.GetMembers("Welcome")));
        Assert.Equal(SpecialType.System_String, welcome.ReturnType.SpecialType);
        Assert.Equal(["string user", "int seconds", "long bytes"], welcome.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name));
        Assert.Contains("Said once per login.", welcome.GetDocumentationCommentXml());
        var repeat = Assert.IsAssignableFrom<IMethodSymbol>(Assert.Single(type.GetMembers("Repeat")));
        Assert.Equal(["string? first", "string second"], repeat.Parameters.Select(p => p.ToDisplayString()));
        // Only the area's keys; the hand-written member stays as written.
        Assert.Equal(["NotAMessage", "Repeat", "Welcome"], type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.CanBeReferencedByName).Select(m => m.Name).Order());
    }

    [Fact]
    public void GeneratedMembers_SayTheCatalogueTextWithTheirArguments()
    {
        // Real keys of Strings.resx, so the generated bodies read the real catalogue through MessageCatalog.
        var result = Run(DemoClass.Replace("\"Demo.\"", "\"Session.\""), Resx(
            ("Session.HostTooLong", "ignored: the text comes from the embedded catalogue {0} {1}", "int length, int max"),
            ("Session.ConnectionRefused", "ignored", null)));
        Assert.Empty(result.Diagnostics);

        var type = Load(result.Output).GetType("Sample.DemoMessages")!;
        Assert.Equal(SessionMessages.HostTooLong(300, 253), type.GetMethod("HostTooLong")!.Invoke(null, [300, 253]));
        Assert.Equal("the host name is 300 characters long; DNS allows at most 253", type.GetMethod("HostTooLong")!.Invoke(null, [300, 253]));
        Assert.Equal("connection refused (nothing listens on that port)", type.GetProperty("ConnectionRefused")!.GetValue(null));
        using (CoreMessages.Speak(UiLanguage.SimplifiedChinese))
            Assert.Equal("连接被拒绝（该端口上没有服务在监听）", type.GetProperty("ConnectionRefused")!.GetValue(null));
    }

    [Theory]
    [InlineData("user", 2, 1)] // a parameter short
    [InlineData("user, host, port", 2, 3)] // one too many
    [InlineData(null, 2, 0)] // placeholders, no comment at all
    [InlineData("| a note is no parameter list", 2, 0)]
    public void PlaceholderCount_NotTheCommentsParameterCount_IsAnErrorNamingTheKey(string? comment, int values, int parameters)
    {
        var result = Run(DemoClass, Resx(("Demo.Fine", "fine", null), ("Demo.Welcome", "welcome {0} to {1}", comment)));

        var error = Assert.Single(result.Errors("SCMSG001"));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'Demo.Welcome' takes " + values + " value(s)", error.GetMessage());
        Assert.Contains("names " + parameters + " parameter(s)", error.GetMessage());
        // It points at the key's line in the resx (line 4: after the declaration, root and resheader).
        Assert.Equal(ResxPath, error.Location.GetLineSpan().Path);
        Assert.Equal(4, error.Location.GetLineSpan().StartLinePosition.Line);
        // The other keys are still written.
        Assert.Single(result.Type("Sample.DemoMessages").GetMembers("Fine"));
    }

    [Theory]
    [InlineData("Demo.Has-Dash", "Has-Dash")]
    [InlineData("Demo.Sub.Key", "Sub.Key")]
    [InlineData("Demo.3rd", "3rd")]
    [InlineData("Demo.class", "class")]
    public void KeyThatIsNotAnIdentifier_IsAnErrorNamingTheKey(string key, string name)
    {
        var result = Run(DemoClass, Resx((key, "text", null)));

        var error = Assert.Single(result.Errors("SCMSG002"));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal($"'{key}' cannot become a member of DemoMessages: '{name}' is not a valid C# identifier", error.GetMessage());
        Assert.Empty(result.CompileErrors); // the generated half stays compilable without it
    }

    [Fact]
    public void HandWrittenMemberWithAKeysName_IsAnError_AtTheMember()
    {
        string source = DemoClass.Replace("public static int NotAMessage => 1;", "public static string Greeting(string who) => who;");
        var result = Run(source, Resx(("Demo.Greeting", "hello {0}", "who")));

        var error = Assert.Single(result.Errors("SCMSG003"));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("DemoMessages.Greeting is written by hand", error.GetMessage());
        Assert.Contains("'Demo.Greeting'", error.GetMessage());
        Assert.Equal("/sample/Sample.cs", error.Location.GetLineSpan().Path);
        Assert.Equal(ResxPath, Assert.Single(error.AdditionalLocations).GetLineSpan().Path);
        Assert.Empty(result.CompileErrors); // not written twice
    }

    [Theory]
    [InlineData("user name extra", "'user name extra' is not 'name' or 'type name'")]
    [InlineData("user,, host", "an empty parameter between commas")]
    [InlineData("user, 2host", "'2host' is not a valid parameter name")]
    [InlineData("user, int", "'int' is not a valid parameter name")]
    [InlineData("user, in+t host", "'in+t' is not a C# type")]
    [InlineData("user, user", "'user' is named twice")]
    public void MalformedParameterList_IsAnErrorNamingTheKey(string comment, string problem)
    {
        var result = Run(DemoClass, Resx(("Demo.Welcome", "welcome {0} to {1}", comment)));

        var error = Assert.Single(result.Errors("SCMSG004"));
        Assert.StartsWith("'Demo.Welcome': the <comment> is not a parameter list: " + problem, error.GetMessage());
    }

    [Theory]
    [InlineData("a {x} b")]
    [InlineData("a } b")]
    [InlineData("a {0 b")]
    public void TextThatStringFormatRejects_IsAnErrorNamingTheKey(string text)
    {
        var result = Run(DemoClass, Resx(("Demo.Broken", text, "value")));

        var error = Assert.Single(result.Errors("SCMSG005"));
        Assert.StartsWith("'Demo.Broken': the English text would make string.Format throw", error.GetMessage());
    }

    [Fact]
    public void AreaWithoutKeys_ClassWithoutCatalogue_UnreadableCatalogue_AndNestedClass_AreErrors()
    {
        var typo = Run(DemoClass.Replace("\"Demo.\"", "\"Demo_\""), Resx(("Demo.Greeting", "hello", null)));
        Assert.Equal("DemoMessages: no key of the catalogue starts with 'Demo_'", Assert.Single(typo.Errors("SCMSG007")).GetMessage());

        var none = Run(DemoClass, resx: null);
        Assert.Contains("no .resx is passed", Assert.Single(none.Errors("SCMSG006")).GetMessage());

        var broken = Run(DemoClass, "<root><data name=");
        Assert.Single(broken.Errors("SCMSG008"));

        var nested = Run("""
            namespace Sample;
            public static partial class Outer
            {
                [SmtpConsole.Core.Messages.MessageArea("Demo.")]
                public static partial class DemoMessages;
            }
            """, Resx(("Demo.Greeting", "hello", null)));
        Assert.Contains("DemoMessages is marked [MessageArea] but is nested", Assert.Single(nested.Errors("SCMSG009")).GetMessage());
    }

    [Fact]
    public void UnrelatedEdit_RegeneratesNothing()
    {
        // The pipeline's values compare by content: typing elsewhere in the project must not rewrite 15 classes.
        string resx = Resx(("Demo.Greeting", "hello", null), ("Demo.Welcome", "welcome {0}", "user"));
        var compilation = Compilation(DemoClass);
        var driver = Driver(resx).RunGenerators(compilation);

        var sample = compilation.SyntaxTrees.Single();
        // Another file, then a same-length edit inside the class's own file: the class is read again and found equal.
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample; class Unrelated { }", SampleParseOptions))
            .ReplaceSyntaxTree(sample, sample.WithChangedText(sample.GetText().Replace(DemoClass.IndexOf("=> 1;", StringComparison.Ordinal), 5, "=> 2;")));
        driver = driver.RunGenerators(edited);

        var run = Assert.Single(driver.GetRunResult().Results);
        var area = Assert.Single(run.TrackedSteps[MessageAccessorGenerator.AreasStep]).Outputs.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, area.Reason);
        Assert.All(run.TrackedSteps[MessageAccessorGenerator.CataloguesStep].SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.All(run.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditedText_RegeneratesIt()
    {
        var compilation = Compilation(DemoClass);
        var before = ResxFile(Resx(("Demo.Welcome", "welcome {0}", "user")));
        var driver = Driver([before]).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(before, ResxFile(Resx(("Demo.Welcome", "welcome {0} at {1}", "user, int port"))));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var method = Assert.IsAssignableFrom<IMethodSymbol>(Assert.Single(output.GetTypeByMetadataName("Sample.DemoMessages")!.GetMembers("Welcome")));
        Assert.Equal(["string user", "int port"], method.Parameters.Select(p => p.ToDisplayString()));
    }

    [Fact]
    public void RealMessageClasses_KeepTheirParameterNamesAndTypes()
    {
        // The names and types the hand-written accessors had, now from the comments: what a caller sees (not p0, p1).
        Assert.Equal("Int32 length, Int32 max", Signature(typeof(SessionMessages), nameof(SessionMessages.HostTooLong)));
        Assert.Equal("String host, Int32 port, String mode, String label", Signature(typeof(SessionMessages), nameof(SessionMessages.Connecting)));
        Assert.Equal("Int64 length, Int32 limit", Signature(typeof(ReplyMessages), nameof(ReplyMessages.LineExceedsLimit)));
        Assert.Equal("String mechanism, String offered", Signature(typeof(SaslMessages), nameof(SaslMessages.MechanismNotAdvertised)));
        Assert.Equal("String where, Int32 expects, Int32 pipelineStart, Int32 groupSize", Signature(typeof(ScriptMessages), nameof(ScriptMessages.TooManyExpects)));

        static string Signature(Type type, string name) =>
            string.Join(", ", type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name));
    }
}
