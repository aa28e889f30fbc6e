using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Messages.Generator;

namespace SmtpConsole.Core.Tests.Messages.Generator;

/// <summary>
/// Runs the message generator the way the compiler does: one C# source, one resx as an AdditionalFile, against the
/// real runtime and SmtpConsole.Core (whose MessageCatalog the generated members call).
/// </summary>
internal static class GeneratorHarness
{
    public const string ResxPath = "/catalogue/Strings.resx";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(MessageCatalog).Assembly.Location)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
    ]);

    /// <summary>A resx with these entries (key, English text, comment or null), one per line like Strings.resx.</summary>
    public static string Resx(params (string Key, string Text, string? Comment)[] entries)
    {
        var resx = new StringBuilder();
        resx.AppendLine("""<?xml version="1.0" encoding="utf-8"?>""");
        resx.AppendLine("<root>");
        resx.AppendLine("""  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>""");
        foreach (var (key, text, comment) in entries)
        {
            resx.Append($"""  <data name="{key}" xml:space="preserve"><value>{System.Security.SecurityElement.Escape(text)}</value>""");
            if (comment is not null) resx.Append($"<comment>{System.Security.SecurityElement.Escape(comment)}</comment>");
            resx.AppendLine("</data>");
        }
        resx.AppendLine("</root>");
        return resx.ToString();
    }

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, Compilation Output, ImmutableArray<string> GeneratedSources)
    {
        public ImmutableArray<Diagnostic> Errors(string id) => [.. Diagnostics.Where(d => d.Id == id)];

        public INamedTypeSymbol Type(string name) => Output.GetTypeByMetadataName(name) ?? throw new InvalidOperationException(name + " not in the output");

        /// <summary>The compiler's own errors over the source and what was generated.</summary>
        public ImmutableArray<Diagnostic> CompileErrors => [.. Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    public static Result Run(string source, string? resx)
    {
        var driver = Driver(resx).RunGeneratorsAndUpdateCompilation(Compilation(source), out var output, out var diagnostics);
        var generated = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToImmutableArray();
        return new Result(diagnostics, output, generated);
    }

    public static CSharpCompilation Compilation(string source) => CSharpCompilation.Create(
        "GeneratorSample",
        [CSharpSyntaxTree.ParseText(source, SampleParseOptions, path: "/sample/Sample.cs")],
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver holding the generator and the resx (none when null), recording each step's run reasons.</summary>
    public static GeneratorDriver Driver(string? resx) => Driver(resx is null ? [] : [ResxFile(resx)]);

    public static GeneratorDriver Driver(ImmutableArray<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            [new MessageAccessorGenerator().AsSourceGenerator()],
            additionalTexts: files,
            parseOptions: SampleParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The catalogue as the compiler hands it to the generator (an AdditionalFile).</summary>
    public static AdditionalText ResxFile(string resx) => new InMemoryText(ResxPath, resx);

    public static readonly CSharpParseOptions SampleParseOptions = new(LanguageVersion.Latest);

    /// <summary>Compiles <paramref name="output"/> and loads it (collectibly) to call what the generator wrote.</summary>
    public static Assembly Load(Compilation output)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("generator-sample", isCollectible: true).LoadFromStream(image);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }
}
