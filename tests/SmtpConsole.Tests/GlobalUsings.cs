// The shared test support (tests/SmtpConsole.Testing) for every file, as the old Support folder was.
global using SmtpConsole.Testing;
// The application layer (src/SmtpConsole/App) is used by the TUI and CLI tests alike.
global using SmtpConsole.App;
