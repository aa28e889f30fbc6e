// The shared test support (tests/SmtpConsole.Testing) for every file, as the old Support folder was.
global using SmtpConsole.Testing;
