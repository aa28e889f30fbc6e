using CsCheck;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class DiagnosisRobustnessTests
{
    private static readonly Gen<string> Fragment = Gen.OneOf(
        "535", "535-", "5.7.8", " ", "\n", "\r\n", "S: ", "<- ", "said: ", "(in reply to MAIL FROM command)", "host x.example[1.2.3.4]",
        "(550, b'", "')", "\\n", "Invalid login: ", "after RCPT TO:<a@b>:", "    ", "gsmtp", "ÇëÊ¹", "\uFFFD", "[", "]", "(", ")", "'", "\"");

    [Fact]
    public void Parse_NeverThrows_OnArbitraryText() =>
        Gen.OneOf(Gen.String, Fragment.Array[0, 30].Select(a => string.Concat(a)))
            .Sample(text =>
            {
                var r = PastedReplyParser.Parse(text);
                if (r.IsSuccess)
                {
                    Assert.InRange(r.Facts!.Code, 200, 599);
                    _ = ReplyExplainer.Explain(r.Facts);
                }
                else Assert.False(string.IsNullOrEmpty(r.Error));
            }, iter: 2000);

    [Fact]
    public void Explain_NeverThrows_OnArbitraryFacts() =>
        Gen.Select(Gen.Int[200, 599], Gen.Int[0, 30], Gen.String, Gen.OneOf<string?>(null, "AUTH", "MAIL", "DATA", "bogus"))
            .Sample((code, detail, text, phase) =>
            {
                var facts = new ReplyFacts(code, new EnhancedStatusCode(code / 100 is 2 or 4 or 5 ? code / 100 : 5, 7, detail), [text]) { Phase = phase };
                var e = ReplyExplainer.Explain(facts);
                Assert.NotNull(e.Summary);
                Assert.NotEmpty(ExplanationFormatter.FormatText(e));
            }, iter: 500);
}
