using System.Buffers;
using CsCheck;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Properties over hostile or careless input that the existing parse∘format and dot-stuffing properties do not cover:
/// the parsers fail only with their documented exception, and server text is always safe to print.
/// </summary>
public class HostileInputPropertyTests
{
    /// <summary>Fragments that steer the readers into their interesting states (transcripts, helper blocks, bodies, variables, quotes, regexes).</summary>
    private static readonly string[] Fragments =
    [
        "C: ", "S: ", "S: 250 ok", "S: 354 go", "S: 250-more", "S: 199 odd", "# >> ", "# << ", "# >> /data", "# >> /auth login a", "# ",
        "/data", ".", "..x", "${A}", "${", "}", "$", "/expect ", "250", "2xx", "5x", "|", ",", "/re/i", "/(/", "/x/q", "/connect ", "mx:", "host:25",
        "host:99999", "--tls", "--cafile", "\"", "'", " ", "\t", "\r", "\0", "DATA", "QUIT", "MAIL FROM:<a@b>", "••••••", "/auth ", "plain", "login",
        "--initial", "--no-initial", "/bdat @f --chunk 0", "/pipeline", "/end", "#", "/", "/?", "/help", "/b64 ", "/unb64 ", "=", "é", "\u202E",
    ];

    private static readonly Gen<string> Fragment = Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]);

    private static readonly Gen<string> Line = Gen.OneOf(Fragment.Array[0, 6].Select(string.Concat), Gen.String[0, 24]);

    private static readonly Gen<string> Script = Line.Array[0, 16].Select(lines => string.Join('\n', lines));

    [Fact]
    public void ScriptReader_ArbitraryText_ThrowsOnlyScriptSyntaxException()
    {
        Script.Sample(text =>
        {
            try
            {
                var document = ScriptReader.Read(text, "prop.smtp");
                Assert.All(document.Lines, l => Assert.True(l.Number >= 1));
                Assert.All(document.Lines.Where(l => l.Kind == ScriptLineKind.ExpectCode), l => Assert.Matches("^[0-9]{3}$", l.ExpectedCode));
            }
            catch (ScriptSyntaxException ex)
            {
                Assert.StartsWith("prop.smtp", ex.Message);
            }
        }, iter: 3000);
    }

    [Fact]
    public void CommandLineParser_ArbitraryLine_ThrowsOnlyCommandSyntaxException()
    {
        Line.Sample(line =>
        {
            try
            {
                var command = CommandLineParser.Parse(line);
                Assert.NotNull(command.Display);
                if (command is AuthCommand auth)
                {
                    // History keeps the display: mechanism, user and flag only, never the secret.
                    string shown = $"/auth {auth.Mechanism.ToLowerInvariant()} {auth.User}";
                    Assert.Contains(auth.Display, new[] { shown, shown + " --initial", shown + " --no-initial" });
                }
            }
            catch (CommandSyntaxException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }, iter: 5000);
    }

    [Fact]
    public void ExpectationSpec_ArbitraryText_ThrowsOnlyCommandSyntaxException_AndEvaluateNeverThrows()
    {
        var replies = new[] { SmtpReply.Create(250, "2.0.0 ok"), new SmtpReply(0, ["garbage"], [], "not an SMTP reply"), null };
        Line.Sample(text =>
        {
            ExpectationSpec spec;
            try
            {
                spec = ExpectationSpec.Parse(text);
            }
            catch (CommandSyntaxException)
            {
                return;
            }
            foreach (var reply in replies) _ = spec.Evaluate(reply);
        }, iter: 5000);
    }

    [Fact]
    public void Neutralize_AnyText_IsIdempotentAndLeavesNoControlOrBidiCharacter()
    {
        Gen.String[Gen.Char, 0, 80].Sample(text =>
        {
            string once = ServerText.Neutralize(text);
            Assert.Equal(once, ServerText.Neutralize(once));
            HostileHarness.AssertNoDangerousText(once, "neutralised text");
        }, iter: 5000);
    }

    [Fact]
    public void Neutralize_KnownAttack_IsShownEscapedNotDropped()
    {
        string shown = ServerText.Neutralize(HostileScenarios.TerminalAttack);
        Assert.Equal("\\x1b[2J\\x1b[31mred\\x1b]0;owned-title\\x07 nul:\\x00: c1:\\u009b31m: bidi:\\u202egnp.exe: del:\\x7f:", shown);
    }

    [Fact]
    public void ReplyParser_AnyLineLimitAndSplit_NeverThrowsAndKeepsBufferingBounded()
    {
        // Generalises the fuzz finding (seed cr-only): an over-long line shorter than 64 bytes crashed with a small limit.
        Gen.Select(Gen.Int[1, 80], Gen.Byte.Array[0, 400], Gen.Int[0, 400]).Sample(t =>
        {
            var (limit, bytes, at) = t;
            int split = at % (bytes.Length + 1);
            var parser = new ReplyParser(maxLineLength: limit, maxLines: 3);
            var first = new ReadOnlySequence<byte>(bytes[..split]);
            while (parser.TryRead(ref first, out var reply)) HostileHarness.AssertNoDangerousText(string.Join(' ', reply!.Lines), "reply");
            Assert.True(first.Length <= limit);
            var rest = new ReadOnlySequence<byte>([.. first.ToArray(), .. bytes[split..]]);
            while (parser.TryRead(ref rest, out var reply)) Assert.True(reply!.Lines.Count <= 4);
            Assert.True(rest.Length <= limit);
            if (parser.Complete(rest) is { } last) Assert.True(last.IsMalformed);
        }, iter: 3000);
    }
}
