using SmtpConsole.Core.Tests.Support;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// One hostile server behaviour, named and described so a front end's tests (the TUI's, headless) can run the same
/// server and check that the screen shows what the engine's tests check in the transcript.
/// </summary>
/// <param name="Name">Stable identifier, e.g. "starttls-injection".</param>
/// <param name="ClientSteps">What a client does to trigger the behaviour, in command-language lines.</param>
/// <param name="Expected">What a correct client shows, in words.</param>
/// <param name="Script">The server side of one connection; pass it to <see cref="ScriptedSmtpServer"/>.</param>
public sealed record HostileScenario(string Name, IReadOnlyList<string> ClientSteps, string Expected, Func<ScriptedSmtpServer.ServerConnection, Task> Script);
