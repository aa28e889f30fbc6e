using SmtpConsole.App;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace SmtpConsole.Benchmarks;

/// <summary>The probes' shared start: a headless 120x35 Terminal.Gui application and a console host on a scratch folder.</summary>
internal static class HeadlessConsole
{
    public static IApplication CreateApplication()
    {
        IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(120, 35);
        return app;
    }

    /// <summary>A host whose default target is 127.0.0.1:<paramref name="port"/>, with no history and no session log; the caller deletes <c>Data</c>.</summary>
    public static (ConsoleHost Host, string Data) CreateHost(string probe, int port)
    {
        string data = Path.Combine(Path.GetTempPath(), "smtpconsole-bench-" + probe, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        return (ConsoleHost.Create(new ConsoleHostOptions
        {
            DataDirectory = data,
            LogHost = null,
            PersistHistory = false,
            RunnerSettings = new RunnerSettings { Defaults = new ConnectOptions { Host = "127.0.0.1", Port = port, EhloName = "bench.example" } },
        }), data);
    }
}
