using SmtpConsole.Core.Transcript;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Time;

namespace SmtpConsole.Tests.Tui;

/// <summary>The whole engine→screen path on the headless console: questions and state come through the dispatcher while events stream.</summary>
public sealed class EngineToScreenTests
{
    [Fact]
    public async Task SecretQuestion_ArrivingWhileEventsStream_OpensThePrompt_AndEveryEventArrivesInOrder()
    {
        using var tui = TuiHarness.Start(width: 100, height: 30, writeLog: false);
        var recorder = tui.Host.Recorder;
        long firstSequence = recorder.Info("before the stream").Sequence;
        const int Lines = 20_000;
        var writer = new Thread(() =>
        {
            for (int i = 0; i < Lines; i++) recorder.Info($"stream {i}");
        });
        writer.Start();
        Task<string?> answer = Task.Run(() => tui.Host.Interaction.PromptSecretAsync("Password:", CancellationToken.None));

        tui.WaitForPanel<SecretPromptPanel>();
        tui.Type("s3cret");
        tui.Press(Key.Enter);
        Assert.True(tui.WaitUntil(() => answer.IsCompleted), "the answer should reach the engine");
        Assert.Equal("s3cret", await answer); // completed: stays on this (the UI) thread
        writer.Join();
        tui.WaitIdle();

        var store = tui.Host.Store;
        var texts = store.Events().Where(e => e.Sequence >= firstSequence).Select(e => e.Text).ToList();
        Assert.Equal(["before the stream", .. Enumerable.Range(0, Lines).Select(i => $"stream {i}")], texts);
        Assert.Null(tui.Window.TopPanel);
    }

    [Fact]
    public async Task ConsentQuestion_WithdrawnBeforeTheScreenTookIt_NeverOpensAPanel()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        using var cancel = new CancellationTokenSource();
        var asked = tui.Host.Interaction.ConfirmPlaintextAuthAsync("send the password without TLS?", cancel.Token);
        cancel.Cancel(); // answers the question at once (the registration runs inline)
        Assert.True(asked.IsCompleted);
        Assert.False(await asked);
        tui.Window.Tick();
        Assert.Null(tui.Window.TopPanel);
        Assert.DoesNotContain("send the password without TLS?", tui.Screen());
    }

    [Fact]
    public async Task Question_AskedBeforeTheWindowRuns_WaitsForIt_AndIsNotLost()
    {
        string data = Directory.CreateTempSubdirectory("smtpconsole-early-question-").FullName;
        IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(100, 30);
        var host = ConsoleHost.Create(new ConsoleHostOptions { DataDirectory = data, LogHost = null });
        var window = host.CreateWindow();
        SessionToken? token = null;
        try
        {
            var answer = host.Interaction.PromptSecretAsync("Password:", CancellationToken.None);
            window.Pump(); // not running yet: nowhere to open a panel
            Assert.Null(window.TopPanel);
            Assert.False(answer.IsCompleted);

            token = app.Begin(window);
            window.Pump();
            var prompt = Assert.IsType<SecretPromptPanel>(window.TopPanel);
            prompt.Field.Text = "early";
            prompt.Submit();
            Assert.True(answer.IsCompleted);
            Assert.Equal("early", await answer); // completed: stays on this (the UI) thread
        }
        finally
        {
            while (window.TopPanel is { } panel) panel.Close();
            if (token is not null) app.End(token);
            await Task.Run(() => host.DisposeAsync().AsTask());
            window.Dispose();
            app.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void StatusLine_ShowsTheSnapshotTheEngineSidePublished()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        var published = StatusSnapshot.Disconnected with { Target = "published.example:2525", Phase = "Published" };
        tui.Host.Dispatcher.PublishStatus(published);
        tui.Window.Pump();
        Assert.Same(published, tui.Window.Status.Snapshot);
        Assert.Contains("published.example:2525", tui.Window.Status.ShownText);
    }
}
