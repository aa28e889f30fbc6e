using System.Drawing;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace SmtpConsole.Tests.Support;

/// <summary>
/// A whole console on the headless ANSI driver: the real window, session queue and engine, driven with injected
/// keys. The test thread is the UI thread (no main loop runs); <see cref="WaitUntil"/> pumps what the engine
/// posted. Every wait has a timeout. Each harness gets its own temporary data directory.
/// </summary>
internal sealed class TuiHarness : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly SessionToken _token;
    private readonly bool _ownsDataDirectory;

    private TuiHarness(IApplication app, ConsoleHost host, ConsoleWindow window, SessionToken token, string dataDirectory, bool ownsDataDirectory)
    {
        App = app;
        Host = host;
        Window = window;
        _token = token;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public IApplication App { get; }
    public ConsoleHost Host { get; }
    public ConsoleWindow Window { get; }
    public string DataDirectory { get; }

    public static TuiHarness Start(int width = 100, int height = 30, bool colour = true, string? dataDirectory = null, bool writeLog = true,
        Func<ConsoleHostOptions, ConsoleHostOptions>? configure = null)
    {
        bool owns = dataDirectory is null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "smtpconsole-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var options = new ConsoleHostOptions
        {
            DataDirectory = dataDirectory,
            LogHost = writeLog ? "test" : null,
            Colour = colour,
            RunnerSettings = new RunnerSettings { Defaults = new ConnectOptions { Host = "127.0.0.1", Port = 25, EhloName = "test.example" } },
        };
        if (configure is not null) options = configure(options);
        IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        var host = ConsoleHost.Create(options);
        var window = host.CreateWindow();
        var token = app.Begin(window) ?? throw new InvalidOperationException("the window did not start");
        window.Pump();
        return new TuiHarness(app, host, window, token, dataDirectory, owns);
    }

    /// <summary>Options that reach a scripted server (its certificate pinned, short timeouts).</summary>
    public static ConnectOptions TargetFor(ScriptedSmtpServer server, SecurityMode security = SecurityMode.Plain) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = security,
        PinnedCertificate = server.Certificate,
        TlsServerName = "scripted.test",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReplyTimeout = TimeSpan.FromSeconds(10),
        EhloName = "test.example",
    };

    /// <summary>Connects through the session queue and waits for the greeting.</summary>
    public void Connect(ScriptedSmtpServer server, SecurityMode security = SecurityMode.Plain, string waitFor = "S: 220")
    {
        Host.Connect(TargetFor(server, security));
        WaitForText(waitFor);
    }

    public void Type(string text)
    {
        foreach (char c in text) App.InjectKey(new Key(c));
    }

    public void Press(Key key) => App.InjectKey(key);

    /// <summary>Types a line and presses Enter.</summary>
    public void Submit(string line)
    {
        Type(line);
        Press(Key.Enter);
    }

    /// <summary>Pumps engine output into the UI until <paramref name="condition"/> holds; false on timeout.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Window.Pump();
            if (condition()) return true;
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(5);
        }
    }

    /// <summary>Waits until the screen shows <paramref name="text"/>; fails with the screen otherwise.</summary>
    public void WaitForText(string text, TimeSpan? timeout = null)
    {
        if (!WaitUntil(() => Screen().Contains(text, StringComparison.Ordinal), timeout))
            Assert.Fail($"\"{text}\" did not appear on screen in time. Screen:\n{Screen()}");
    }

    /// <summary>Waits until a <typeparamref name="T"/> dialog is on top; fails with the screen otherwise.</summary>
    public T WaitForPanel<T>(TimeSpan? timeout = null) where T : ModalPanel
    {
        if (!WaitUntil(() => Window.TopPanel is T, timeout))
            Assert.Fail($"no {typeof(T).Name} opened in time. Screen:\n{Screen()}");
        return (T)Window.TopPanel!;
    }

    /// <summary>Waits until the session queue is idle and the engine output has been applied.</summary>
    public void WaitIdle(TimeSpan? timeout = null)
    {
        if (!WaitUntil(() => Host.Controller.IsIdle && Host.Dispatcher.IsEmpty, timeout))
            Assert.Fail($"the session did not become idle in time. Screen:\n{Screen()}");
    }

    /// <summary>The screen as text, freshly drawn.</summary>
    public string Screen()
    {
        App.LayoutAndDraw(forceRedraw: true);
        return App.Driver!.ToString() ?? string.Empty;
    }

    public string[] ScreenLines() => Screen().Replace("\r\n", "\n").Split('\n');

    /// <summary>Where <paramref name="text"/> is on screen (row, column), or null.</summary>
    public Point? Find(string text)
    {
        var lines = ScreenLines();
        for (int row = 0; row < lines.Length; row++)
        {
            int column = lines[row].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0) return new Point(column, row);
        }
        return null;
    }

    /// <summary>The attribute drawn at a screen cell.</summary>
    public Terminal.Gui.Drawing.Attribute AttributeAt(int column, int row)
    {
        Cell[,] cells = App.Driver!.Contents!;
        return cells[row, column].Attribute ?? throw new InvalidOperationException($"no attribute at {column},{row}");
    }

    public void Dispose()
    {
        try
        {
            while (Window.TopPanel is { } panel) panel.Close();
            App.End(_token);
            // Off the test thread: it carries Terminal.Gui's main-loop context, which nothing drains in a test.
            Task.Run(() => Host.DisposeAsync().AsTask()).GetAwaiter().GetResult();
            Window.Dispose();
        }
        finally
        {
            App.Dispose();
            if (_ownsDataDirectory)
            {
                try
                {
                    Directory.Delete(DataDirectory, recursive: true);
                }
                catch (IOException)
                {
                    // A log still open on a slow machine; the temp folder is cleaned up eventually.
                }
            }
        }
    }
}
