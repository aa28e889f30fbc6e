using SmtpConsole.Cli;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace SmtpConsole.Tui;

/// <summary>Starts the full-screen console. Kept out of Program so --help/--version never load Terminal.Gui.</summary>
internal static class TuiApp
{
    /// <summary>Exit code when the console itself failed (EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    public static async Task<int> RunAsync(TuiStartOptions options, CancellationToken ct)
    {
        string dataDirectory = options.DataDirectory ?? DataDirectory.Resolve();
        var language = options.Language;
        // The engine's hints and errors appear on this screen: word them in its language (replay and JSON stay English).
        Core.Messages.CoreMessages.Language = language;
        ConnectOptions? target = options.Target;
        ConnectOptions? practiceOptions = null;
        PracticeTarget? runningPractice = null;
        ConsoleHost? hostForPractice = null;
        var onDemand = new Lazy<PracticeTarget?>(() => StartPracticeOnDemand(hostForPractice!, options.Defaults, ct), LazyThreadSafetyMode.ExecutionAndPublication);
        var profileNames = new Lazy<IReadOnlyList<string>>(() => LoadProfileNames(options.ProfileFile));
        var host = ConsoleHost.Create(new ConsoleHostOptions
        {
            ProfileNames = () => profileNames.Value,
            InboxLines = target is not null ? null : () => Volatile.Read(ref runningPractice)?.InboxLines(language) ?? [language.Say("Inbox.Starting")],
            DataDirectory = dataDirectory,
            LogHost = target?.Host ?? "practice",
            Colour = ColourWanted(),
            ShowSecrets = options.ShowSecrets,
            Language = language,
            RunnerSettings = new RunnerSettings
            {
                Defaults = options.Defaults,
                AllowPlaintextAuth = options.AllowPlaintextAuth,
                // "practice" is the in-process server when it runs; other names come from the profile catalogue.
                // Started with a host, /connect practice starts the server then (on the session's worker, not the UI).
                ResolveProfile = name => (name.Equals("practice", StringComparison.OrdinalIgnoreCase)
                        ? Volatile.Read(ref practiceOptions) ?? (target is null ? null : onDemand.Value?.Options)
                        : null)
                    ?? ProfileTargets.ByName(name, options.ProfileFile, options.Defaults),
                LookupMx = MxLookup.LookupAsync,
                BaseDirectory = Environment.CurrentDirectory,
            },
        });

        hostForPractice = host;

        // The connection starts before Terminal.Gui's Init (which takes a while), so the greeting may already be
        // there for the first frame; the practice server's key pair likewise.
        Introduce(host);
        Task<PracticeTarget?> practice = Task.FromResult<PracticeTarget?>(null);
        if (target is null)
        {
            practice = Task.Run(async () =>
            {
                var started = await StartPracticeAsync(host, options.Defaults, ct).ConfigureAwait(false);
                Volatile.Write(ref practiceOptions, started?.Options);
                Volatile.Write(ref runningPractice, started);
                return started;
            }, CancellationToken.None);
        }
        else
        {
            if (target.CaFile is { } caFile) TrustStoreNarrowing.TryNarrowTo(caFile); // see ReplayCommand
            host.Connect(target);
        }

        // Esc cancels a pending step in this console; quitting is Ctrl+Q. Must happen before Create().
        Application.SetDefaultKeyBinding(Command.Quit, Bind.All(Key.Q.WithCtrl));
        IApplication? app = null;
        UiWakeUp? wakeUp = null;
        IReadOnlyList<string>? exitLines = null;
        UnhandledExceptionEventHandler restoreOnCrash = (_, _) => RestoreTerminal(ref app);
        AppDomain.CurrentDomain.UnhandledException += restoreOnCrash;
        try
        {
            app = Application.Create();
            PollingInputDriver.TryUse(app); // keys reach the main loop as they arrive, not after a 20 ms sleep
            app.Init();
            using var window = host.CreateWindow();
            // Whatever arrived meanwhile goes into the first frame; what arrives later wakes the UI at once
            // instead of waiting for the 50 ms tick (which stays for progress and the status line).
            wakeUp = new UiWakeUp(app, window.Tick);
            host.Dispatcher.Arrived += wakeUp.Wake;
            window.Pump();
            app.AddTimeout(TimeSpan.FromMilliseconds(50), () =>
            {
                window.Tick();
                return true;
            });
            MainLoopRate.RaiseAfterFirstFrame(app);
            var running = app;
            // SIGTERM and friends: stop the console itself, not just a dialog that happens to be on top.
            using (ct.Register(() => running.Invoke(() =>
            {
                window.SetExitReason(host.Options.Language.Say("Exit.Signal"));
                running.RequestStop(window);
            })))
            {
                app.Run(window);
            }
            wakeUp.Stop();
            exitLines = window.ExitLines();
            return 0;
        }
        catch (Exception ex)
        {
            host.Recorder.Error(language.Say("Crash.ConsoleFailed", ex.GetType().Name, ex.Message));
            RestoreTerminal(ref app);
            string? crashFile = WriteCrashReport(host, ex);
            await Console.Error.WriteLineAsync(language.Say("Crash.Unexpected", ex.GetType().Name, ex.Message)).ConfigureAwait(false);
            if (host.Log is { } log) await Console.Error.WriteLineAsync(language.Say("Crash.TranscriptSoFar", log.Path)).ConfigureAwait(false);
            if (crashFile is not null) await Console.Error.WriteLineAsync(language.Say("Crash.Details", crashFile)).ConfigureAwait(false);
            return InternalError;
        }
        finally
        {
            wakeUp?.Stop();
            AppDomain.CurrentDomain.UnhandledException -= restoreOnCrash;
            RestoreTerminal(ref app);
            // Back on the normal screen: leave where the session went, so quitting does not erase it.
            if (exitLines is not null) foreach (string line in exitLines) await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
            if (await practice.ConfigureAwait(false) is { } server) await server.DisposeAsync().ConfigureAwait(false);
            if (onDemand.IsValueCreated && onDemand.Value is { } started) await started.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Profile names for completion and the connect dialog, read when first needed.</summary>
    private static IReadOnlyList<string> LoadProfileNames(string? profileFile)
    {
        try
        {
            return [.. ProfileTargets.LoadCatalog(profileFile, new Dictionary<string, string?>()).Profiles.Select(p => p.Name)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UsageException)
        {
            return [];
        }
    }

    /// <summary>Colour unless NO_COLOR (https://no-color.org) is set or the terminal is dumb.</summary>
    private static bool ColourWanted() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    /// <summary>Starts the practice server, introduces it and connects; on failure says so and leaves /connect to the user.</summary>
    private static async Task<PracticeTarget?> StartPracticeAsync(ConsoleHost host, ConnectOptions defaults, CancellationToken ct)
    {
        PracticeTarget practice;
        try
        {
            practice = await PracticeTarget.StartAsync(defaults, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or System.Security.Cryptography.CryptographicException or OperationCanceledException)
        {
            host.Recorder.Warn(host.Options.Language.Say("Practice.CouldNotStart", ex.Message));
            return null;
        }
        foreach (var line in practice.BannerIn(host.Options.Language)) host.Recorder.Info(line);
        practice.Server.Inbox.MessageReceived += (_, e) =>
            host.Recorder.Info(host.Options.Language.Say("Inbox.Arrived", e.Message.Id, e.Message.Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        host.Connect(practice.Options);
        return practice;
    }

    /// <summary>Starts the practice server for <c>/connect practice</c> when the console began with another host.</summary>
    private static PracticeTarget? StartPracticeOnDemand(ConsoleHost host, ConnectOptions defaults, CancellationToken ct)
    {
        try
        {
            var started = PracticeTarget.StartAsync(defaults, ct).GetAwaiter().GetResult();
            foreach (var line in started.BannerIn(host.Options.Language)) host.Recorder.Info(line);
            return started;
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or System.Security.Cryptography.CryptographicException or OperationCanceledException)
        {
            host.Recorder.Warn(host.Options.Language.Say("Practice.CouldNotStartOnDemand", ex.Message));
            return null;
        }
    }

    private static void Introduce(ConsoleHost host)
    {
        var recorder = host.Recorder;
        string version = typeof(TuiApp).Assembly.GetName().Version?.ToString(3) ?? "dev";
        recorder.Info(host.Options.Language.Say("Welcome", version));
        if (host.Log is { } log) recorder.Info(host.Options.Language.Say("SessionLog", log.Path));
        if (host.LogProblem is { } logProblem) recorder.Warn(logProblem);
        if (host.History.Problem is { } historyProblem) recorder.Warn(historyProblem);
    }

    /// <summary>Disposing the application leaves the alternate screen and restores the terminal modes.</summary>
    private static void RestoreTerminal(ref IApplication? app)
    {
        var running = Interlocked.Exchange(ref app, null);
        try
        {
            running?.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing more can be done for the terminal; the error report still goes out.
        }
    }

    private static string? WriteCrashReport(ConsoleHost host, Exception ex)
    {
        if (host.Log is not { } log) return null;
        string path = log.Path + ".crash.txt";
        try
        {
            File.WriteAllText(path, $"{DateTimeOffset.Now:O}\n{ex}\n");
            return path;
        }
        catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
