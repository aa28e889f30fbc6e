namespace SmtpConsole.Core.Tests.Support;

/// <summary>
/// The shared test support moved to tests/SmtpConsole.Testing (imported by GlobalUsings.cs). This type keeps the
/// namespace alive so test files that still say <c>using SmtpConsole.Core.Tests.Support;</c> compile unchanged.
/// </summary>
internal static class SupportNamespace;
