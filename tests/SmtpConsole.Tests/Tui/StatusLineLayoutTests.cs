using CsCheck;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// The status line at any width: it never takes more columns than it has (Chinese counts two per glyph), and the
/// phase and the user stay whole as long as anything can; the cipher suite, the program's name, the latency and
/// the target give way first, in that order.
/// </summary>
public sealed class StatusLineLayoutTests
{
    private static readonly StatusSnapshot Tls = new(
        "127.0.0.1:2525 [practice server]", "TLSv1.3 TLS_AES_256_GCM_SHA384", true, true, "user alice@example.com", "Authenticated", "0.4 ms", true);

    private static readonly StatusSnapshot ChineseTls = new(
        "127.0.0.1:2525 [练习服务器]", "TLSv1.3 TLS_AES_256_GCM_SHA384", true, true, "用户 alice@example.com", "发件人已接受", "12.5 ms", true);

    private static string Row(StatusSnapshot status, int width) => string.Concat(StatusLineLayout.Fit(status, width).Select(p => p.Text));

    [Fact]
    public void Wide_ShowsEverything()
    {
        Assert.Equal(" smtpconsole │ 127.0.0.1:2525 [practice server] │ TLSv1.3 TLS_AES_256_GCM_SHA384 │ user alice@example.com │ Authenticated │ 0.4 ms", Row(Tls, 200));
    }

    [Fact]
    public void At80Columns_TheCipherSuiteTheNameAndTheLatencyGiveWay_AndThePhaseStaysWhole()
    {
        Assert.Equal(" 127.0.0.1:2525 [练习服务器] │ TLSv1.3 │ 用户 alice@example.com │ 发件人已接受", Row(ChineseTls, 80));
        string row = Row(Tls, 80);
        Assert.Equal(" 127.0.0.1:2525 [practice se… │ TLSv1.3 │ user alice@example.com │ Authenticated", row);
        Assert.Equal(80, TextColumns.Of(row));
    }

    [Fact]
    public void EachStepIsTakenOnlyWhenTheOneBeforeDoesNotFit()
    {
        Assert.Equal(" smtpconsole │ 127.0.0.1:2525 [practice server] │ TLSv1.3 │ user alice@example.com │ Authenticated │ 0.4 ms", Row(Tls, 107));
        Assert.Equal(" 127.0.0.1:2525 [practice server] │ TLSv1.3 │ user alice@example.com │ Authenticated │ 0.4 ms", Row(Tls, 106));
        Assert.Equal(" 127.0.0.1:2525 [practice server] │ TLSv1.3 │ user alice@example.com │ Authenticated", Row(Tls, 92));
        Assert.Equal(" 127.0.0.1:2525 [pr… │ TLSv1.3 │ user alice@example.com │ Authenticated", Row(Tls, 71));
    }

    [Fact]
    public void PlainConnection_KeepsItsWord()
    {
        var plain = Tls with { Security = "plain", Secure = false };
        Assert.Contains(" │ plain │ ", Row(plain, 70), StringComparison.Ordinal);
        Assert.Equal("plain", StatusLineLayout.ShortSecurity("plain"));
    }

    [Fact]
    public void AnyWidth_AnyText_NeverWiderThanAllowedOnceTheRowIsCutAndThePhaseStaysWholeWhenItCan()
    {
        var text = Gen.OneOf(Gen.String[Gen.Char['a', 'z'], 1, 40], Gen.String[Gen.Char['\u4e00', '\u4fff'], 1, 20]);
        Gen.Select(text, text, text, Gen.Int[20, 200]).Sample((target, auth, phase, width) =>
        {
            var status = new StatusSnapshot(target, "TLSv1.2 ECDHE_RSA_WITH_AES_128_GCM_SHA256", true, true, auth, phase, "3.1 ms", false);
            string row = Row(status, width);
            int fixedColumns = TextColumns.Of(" " + " │ TLSv1.2 │ " + auth + " │ " + phase) + 9; // the target's smallest cut
            if (fixedColumns <= width)
            {
                Assert.True(TextColumns.Of(row) <= width, $"{TextColumns.Of(row)} > {width}: {row}");
                Assert.Contains(" │ " + auth + " │ " + phase, row, StringComparison.Ordinal);
            }
            else
            {
                // Too narrow for the rest even with the target at its smallest: the row's own cut takes the tail.
                Assert.StartsWith(" ", row, StringComparison.Ordinal);
            }
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }
}
