// The application layer (front-end-neutral session wiring under App/) is used by both the CLI and the TUI.
global using SmtpConsole.App;
