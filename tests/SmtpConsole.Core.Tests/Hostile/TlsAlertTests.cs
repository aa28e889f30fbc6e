using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Issue 19 §2: a server that aborts the handshake with a TLS alert (here 80 internal_error, as a server with a
/// broken key sends) speaks TLS; the report must name the alert, not guess "may not speak TLS", and the doctor must
/// not suggest weakening TLS for it.
/// </summary>
public class TlsAlertTests
{
    // A TLS record: type 21 (alert), version 3.3, length 2, level 2 (fatal), description 80 (internal_error).
    private static readonly byte[] InternalErrorAlert = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 80];

    private static Func<ScriptedSmtpServer.ServerConnection, Task> ImplicitTlsAlert(byte description) => async c =>
    {
        await c.ReadBytesAsync(5); // the ClientHello's record header is enough: the alert goes out before anything else
        await c.SendBytesAsync([.. InternalErrorAlert[..6], description]);
        await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
    };

    [Fact]
    public async Task Implicit_tls_alert_80_is_reported_by_number_and_meaning()
    {
        await using var server = new ScriptedSmtpServer(ImplicitTlsAlert(80));
        await using var h = new HostileHarness(server.Port);

        var connect = await Bounded(h.Runner.ConnectToAsync(h.Options with { Security = SecurityMode.Tls }));

        Assert.Equal(CommandFailure.TlsFailed, connect.Result!.Failure);
        var error = h.FirstError();
        Assert.Contains("alert 80 (internal_error)", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("may not speak TLS", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("--tls-min", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_alert_80_is_reported_too()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 alert.test ESMTP\r\n");
            await c.ReadLineAsync();
            await c.SendAsync("250-alert.test\r\n250 STARTTLS\r\n");
            await c.ReadLineAsync();
            await c.SendAsync("220 2.0.0 Ready to start TLS\r\n");
            await ImplicitTlsAlert(80)(c);
        });
        await using var h = new HostileHarness(server.Port);

        await Bounded(h.Runner.ConnectToAsync(h.Options with { Security = SecurityMode.StartTls }));

        Assert.Contains("alert 80 (internal_error)", h.FirstError().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_does_not_suggest_weakening_tls_for_alert_80()
    {
        await using var server = new ScriptedSmtpServer(ImplicitTlsAlert(80));
        var doctor = new SmtpDoctor(new TranscriptRecorder());
        var report = await doctor.RunAsync(new DoctorOptions
        {
            Target = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, Security = SecurityMode.Tls, ReplyTimeout = TimeSpan.FromSeconds(5) },
        }).WaitAsync(HangLimit);

        var tls = Assert.Single(report.Findings, f => f.Check == "TLS");
        Assert.Equal(FindingStatus.Fail, tls.Status);
        Assert.Contains("alert 80 (internal_error)", tls.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("--tls-min", tls.Fix ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("--tls-min", tls.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_chooses_the_alert_fix_from_the_alert_not_from_words_and_says_it_in_chinese()
    {
        await using var server = new ScriptedSmtpServer(ImplicitTlsAlert(80));
        DoctorReport report;
        using (CoreMessages.Speak(UiLanguage.SimplifiedChinese))
        {
            report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(new DoctorOptions
            {
                Target = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, Security = SecurityMode.Tls, ReplyTimeout = TimeSpan.FromSeconds(5) },
            }).WaitAsync(HangLimit);
        }
        var tls = Assert.Single(report.Findings, f => f.Check == "TLS");
        Assert.Equal(MessageCatalog.Get("Doctor.Fix.TlsAlert", UiLanguage.SimplifiedChinese), tls.FixIn(UiLanguage.SimplifiedChinese));
        Assert.Empty(tls.Remedies);
        // The engine spoke Chinese: the handshake failure in the detail is Chinese, the alert's name stays as it is.
        Assert.StartsWith("TLS 握手失败：服务器发送了 TLS alert 80 (internal_error)：", tls.DetailIn(UiLanguage.SimplifiedChinese), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_70_names_the_older_tls_remedy_for_each_front_end_to_word()
    {
        await using var server = new ScriptedSmtpServer(ImplicitTlsAlert(70));
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options with { Security = SecurityMode.Tls }));
        var error = h.FirstError();
        Assert.Contains("alert 70 (protocol_version)", error.Text, StringComparison.Ordinal);
        Assert.Equal(Remedy.AllowOlderTls, error.Remedy);
        Assert.DoesNotContain("--tls-min", error.Text, StringComparison.Ordinal);

        await using var again = new ScriptedSmtpServer(ImplicitTlsAlert(70));
        var report = await new SmtpDoctor(new TranscriptRecorder()).RunAsync(new DoctorOptions
        {
            Target = new ConnectOptions { Host = "127.0.0.1", Port = again.Port, Security = SecurityMode.Tls, ReplyTimeout = TimeSpan.FromSeconds(5) },
        }).WaitAsync(HangLimit);
        var tls = Assert.Single(report.Findings, f => f.Check == "TLS");
        Assert.StartsWith("check that this port speaks TLS the way you asked", tls.Fix, StringComparison.Ordinal);
        Assert.Equal([Remedy.ChooseTlsMode, Remedy.AllowOlderTls], tls.Remedies);
    }

    [Theory]
    [InlineData("error:0A000438:SSL routines::tlsv1 alert internal error", 80, "internal_error")]
    [InlineData("error:0A000410:SSL routines::sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1586:SSL alert number 40", 40, "handshake_failure")]
    [InlineData("error:0A00042E:SSL routines::tlsv1 alert protocol version", 70, "protocol_version")]
    [InlineData("error:0A00045C:SSL routines::tlsv13 alert certificate required", 116, "certificate_required")]
    [InlineData("SSL alert number 112", 112, "unrecognized_name")]
    [InlineData("peer internal error", 80, "internal_error")]
    public void Platform_texts_name_the_alert(string message, int number, string name) =>
        Assert.Equal(new TlsAlert(number, name), TlsAlert.Parse(message));

    [Theory]
    [InlineData("Received an unexpected EOF or 0 bytes from the transport stream.")]
    [InlineData("error:0A00010B:SSL routines::wrong version number")]
    public void Texts_without_an_alert_give_none(string message) => Assert.Null(TlsAlert.Parse(message));
}
