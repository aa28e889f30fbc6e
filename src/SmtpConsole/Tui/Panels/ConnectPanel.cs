using SmtpConsole.Core.Messages;
using System.Globalization;
using SmtpConsole.Core.Session;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The connect dialog: host, port, security, certificate checking, and a profile to start from. It produces a
/// <c>/connect</c> line, so what it does is visible, replayable and recallable like anything typed.
/// </summary>
internal sealed class ConnectPanel : ModalPanel
{
    private static readonly SecurityMode[] Modes = [SecurityMode.Plain, SecurityMode.StartTls, SecurityMode.Tls];
    private readonly TextField _host;
    private readonly TextField _port;
    private readonly ChoiceView _security;
    private readonly CheckBox _insecure;
    private readonly TextField _caFile;
    private readonly TextField? _profile;
    private readonly Action<string> _connect;

    /// <summary>The column the fields start at (the labels sit before it).</summary>
    private const int Field = 12;

    public ConnectPanel(ConnectOptions? current, IReadOnlyList<string> profiles, Action<string> connect, UiLanguage language = UiLanguage.English) : base(language.Say("Connect.Title"))
    {
        _connect = connect;
        FitWidth(80);
        // Each field on its row, the help under it wrapped to the width: at 60 columns nothing is cut, and on a short
        // screen the blank rows between them go first.
        if (profiles.Count > 0)
        {
            _profile = new TextField { X = Field, Width = Dim.Fill(1) };
            _profile.Y = Row(1, gapAfter: 0);
            _profile.KeyDown += (_, key) =>
            {
                if (key.KeyCode != KeyCode.Tab) return;
                CompleteProfile(profiles);
                key.Handled = true;
            };
            string examples = string.Join(", ", profiles.Take(4));
            Add(new Label { X = 1, Y = _profile.Y, Text = language.Say("Connect.Profile") }, _profile,
                TextRow(Field, [new StyledLine(language.Say("Connect.Profiles", profiles.Count, examples))]));
        }
        _host = new TextField { X = Field, Width = Dim.Fill(1), Text = current?.Host ?? string.Empty };
        _host.Y = Row(1);
        Add(new Label { X = 1, Y = _host.Y, Text = language.Say("Connect.Host") }, _host);
        _port = new TextField { X = Field, Width = 8, Text = current?.Port.ToString(CultureInfo.InvariantCulture) ?? string.Empty };
        _port.Y = Row(1, gapAfter: 0);
        Add(new Label { X = 1, Y = _port.Y, Text = language.Say("Connect.Port") }, _port, TextRow(Field, [new StyledLine(language.Say("Connect.PortHelp"))]));
        _security = new ChoiceView(language.Say("Connect.Plain"), "STARTTLS", language.Say("Connect.ImplicitTls")) { X = Field, Selected = current is null ? 1 : Array.IndexOf(Modes, current.Security) };
        var security = _security;
        _security.Y = Row(width => security.RowsAt(width - Field - 1));
        _security.Height = Dim.Func(_ => security.RowsAt(ContentColumns - Field - 1));
        Add(new Label { X = 1, Y = _security.Y, Text = language.Say("Connect.Security") }, _security);
        _caFile = new TextField { X = Field, Width = Dim.Fill(1), Text = current?.CaFile ?? string.Empty };
        _caFile.Y = Row(1, gapAfter: 0);
        Add(new Label { X = 1, Y = _caFile.Y, Text = language.Say("Connect.CaFile") }, _caFile, TextRow(Field, [new StyledLine(language.Say("Connect.CaFileHelp"))], gapAfter: 0));
        _insecure = new CheckBox { X = Field, Text = language.Say("Connect.Insecure"), Value = current?.Insecure == true ? CheckState.Checked : CheckState.UnChecked };
        _insecure.Y = Row(1, gapAfter: 0);
        Add(new Label { X = 1, Y = _insecure.Y, Text = language.Say("Connect.Cert") }, _insecure, TextRow(Field, [new StyledLine(language.Say("Connect.InsecureHelp"))]));
        var ok = MakeButton(language.Say("Connect.Button"), Submit, isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        ButtonRow(Field, ok, cancel);
        Add(ok, cancel);
        foreach (var field in new[] { _host, _port, _profile, _caFile })
        {
            if (field is null) continue;
            field.Accepting += (_, e) =>
            {
                Submit();
                e.Handled = true;
            };
        }
    }

    public TextField Host => _host;
    public TextField Port => _port;
    public ChoiceView Security => _security;
    public TextField CaFile => _caFile;
    public CheckBox Insecure => _insecure;

    /// <summary>The <c>/connect</c> line the fields describe, or null when they are incomplete.</summary>
    public string? CommandLine()
    {
        string certificate = _insecure.Value == CheckState.Checked ? " --insecure" : string.Empty;
        string caFile = (_caFile.Text ?? string.Empty).Trim();
        if (caFile.Contains('"')) return null;
        if (caFile.Length > 0) certificate += " --cafile " + (caFile.Contains(' ') ? "\"" + caFile + "\"" : caFile);
        // A profile brings its own host, port and security; only the certificate choices are added.
        if (_profile?.Text is { } profile && profile.Trim() is { Length: > 0 } name)
            return name.Contains(' ') ? null : $"/connect {name}{certificate}";
        string target = (_host.Text ?? string.Empty).Trim();
        if (target.Length == 0 || target.Contains(' ')) return null;
        string port = (_port.Text ?? string.Empty).Trim();
        if (port.Length > 0 && !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        string security = Modes[_security.Selected] switch { SecurityMode.Tls => " --tls", SecurityMode.StartTls => " --starttls", _ => " --plain" };
        return $"/connect {target}{(port.Length > 0 ? " " + port : string.Empty)}{security}{certificate}";
    }

    private void CompleteProfile(IReadOnlyList<string> profiles)
    {
        string typed = (_profile!.Text ?? string.Empty).Trim();
        var matches = profiles.Where(p => p.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) return;
        string completion = matches.Count == 1 ? matches[0] : CommandCompletion.CommonPrefix(matches);
        if (completion.Length < typed.Length) return;
        _profile.Text = completion;
        _profile.MoveEnd();
    }

    private void Submit()
    {
        if (CommandLine() is not { } line) return;
        Close();
        _connect(line);
    }

    protected override View? InitialFocus() => _profile ?? _host;
}
