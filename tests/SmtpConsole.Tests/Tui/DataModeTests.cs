using SmtpConsole.Core.Commands;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Drawing;
using Color = Terminal.Gui.Drawing.Color;

namespace SmtpConsole.Tests.Tui;

public sealed class DataModeTests
{
    [Fact]
    public void AfterA354_TheInputIsVisiblyInBodyMode_DotsAreStuffed_AndALoneDotEndsIt()
    {
        using var server = ScriptedSmtpServer.Start(
            "220 scripted.test ESMTP",
            "250 sender ok",
            "250 recipient ok",
            "354 End data with <CR><LF>.<CR><LF>",
            "250 2.0.0 queued as 42");
        using var tui = TuiHarness.Start(width: 110, height: 36);
        tui.Connect(server);
        tui.Submit("MAIL FROM:<a@scripted.test>");
        tui.Submit("RCPT TO:<b@scripted.test>");
        tui.Submit("DATA");

        Assert.True(tui.WaitUntil(() => tui.Window.Prompt.Mode == RunnerMode.DataBody), "the prompt should switch to DATA>");
        string screen = tui.Screen();
        Assert.Contains("DATA> ", screen);
        Assert.Contains(ModeLine.BodyLabel.Trim(), screen);
        var label = tui.Find(ModeLine.BodyLabel.Trim())!.Value;
        Assert.Equal(new Color(ColorName16.BrightMagenta), tui.AttributeAt(label.X, label.Y).Background);

        tui.Submit("Subject: private matters");
        tui.Submit("");
        tui.Submit(".line starting with a dot");
        tui.Submit("..two dots");
        tui.Submit(".");

        tui.WaitForText("S: 250 2.0.0 queued as 42");
        tui.WaitIdle();
        Assert.Equal(RunnerMode.Command, tui.Window.Prompt.Mode);
        Assert.Contains("smtp> ", tui.Screen());
        Assert.Equal(["Subject: private matters", "", "..line starting with a dot", "...two dots"], Assert.Single(server.Bodies));
        Assert.Contains("C: ..line starting with a dot  # dot-stuffed", tui.Screen());

        var history = tui.Host.History.Snapshot();
        Assert.Equal(["MAIL FROM:<a@scripted.test>", "RCPT TO:<b@scripted.test>", "DATA"], history);
    }

    [Fact]
    public void DataFromAFile_ShowsProgress_AndTheMessageIsDelivered()
    {
        string file = Path.Combine(Path.GetTempPath(), "smtpconsole-tests", Guid.NewGuid().ToString("N") + ".eml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat(".dotted line of text to fill the message\r\n", 20_000)));
        try
        {
            using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "354 go", "250 2.0.0 queued");
            using var tui = TuiHarness.Start();
            tui.Connect(server);
            (long Sent, long Total)? seen = null;
            tui.Submit("/data @" + file);
            Assert.True(tui.WaitUntil(() =>
            {
                seen ??= tui.Window.ModeLine.Progress;
                return tui.Screen().Contains("S: 250 2.0.0 queued", StringComparison.Ordinal);
            }));
            Assert.NotNull(seen);
            Assert.Equal(new FileInfo(file).Length, seen.Value.Total);
            Assert.StartsWith("..dotted line", Assert.Single(server.Bodies)[2]);
            tui.WaitIdle();
            Assert.Null(tui.Window.ModeLine.Progress);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ProgressText_DrawsABar() =>
        Assert.Equal(" sending [█████░░░░░] 50%  1.0 of 2.0 MB ", ModeLine.ProgressText(1048576, 2097152, 10));
}
