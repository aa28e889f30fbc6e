// The application layer (front-end-neutral session wiring under App/) is used by both the CLI and the TUI.
global using SmtpConsole.App;

// Terminal.Gui's drawing types, named once for the whole TUI (System has an Attribute too).
global using Attribute = Terminal.Gui.Drawing.Attribute;
global using Color = Terminal.Gui.Drawing.Color;
