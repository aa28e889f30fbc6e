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

    public ConnectPanel(ConnectOptions? current, IReadOnlyList<string> profiles, Action<string> connect, UiLanguage language = UiLanguage.English) : base(language.Say("Connect.Title"))
    {
        _connect = connect;
        Width = Dim.Percent(80);
        Height = profiles.Count > 0 ? 17 : 15;
        int y = 0;
        if (profiles.Count > 0)
        {
            Add(new Label { X = 1, Y = y, Text = language.Say("Connect.Profile") });
            _profile = new TextField { X = 12, Y = y, Width = Dim.Fill(1) };
            _profile.KeyDown += (_, key) =>
            {
                if (key.KeyCode != KeyCode.Tab) return;
                CompleteProfile(profiles);
                key.Handled = true;
            };
            Add(_profile);
            y++;
            string examples = string.Join(", ", profiles.Take(4));
            Add(new Label { X = 12, Y = y, Width = Dim.Fill(1), Height = 1, Text = language.Say("Connect.Profiles", profiles.Count, examples) });
            y += 2;
        }
        _host = new TextField { X = 12, Y = y, Width = Dim.Fill(1), Text = current?.Host ?? string.Empty };
        Add(new Label { X = 1, Y = y, Text = language.Say("Connect.Host") }, _host);
        y += 2;
        _port = new TextField { X = 12, Y = y, Width = 8, Text = current?.Port.ToString(CultureInfo.InvariantCulture) ?? string.Empty };
        Add(new Label { X = 1, Y = y, Text = language.Say("Connect.Port") }, _port, new Label { X = 22, Y = y, Text = language.Say("Connect.PortHelp") });
        y += 2;
        _security = new ChoiceView(language.Say("Connect.Plain"), "STARTTLS", language.Say("Connect.ImplicitTls")) { X = 12, Y = y, Selected = current is null ? 1 : Array.IndexOf(Modes, current.Security) };
        Add(new Label { X = 1, Y = y, Text = language.Say("Connect.Security") }, _security);
        y += 2;
        _caFile = new TextField { X = 12, Y = y, Width = Dim.Fill(1), Text = current?.CaFile ?? string.Empty };
        Add(new Label { X = 1, Y = y, Text = language.Say("Connect.CaFile") }, _caFile);
        y++;
        Add(new Label { X = 12, Y = y, Width = Dim.Fill(1), Text = language.Say("Connect.CaFileHelp") });
        y++;
        _insecure = new CheckBox { X = 12, Y = y, Text = language.Say("Connect.Insecure"), Value = current?.Insecure == true ? CheckState.Checked : CheckState.UnChecked };
        Add(new Label { X = 1, Y = y, Text = language.Say("Connect.Cert") }, _insecure);
        y += 2;
        var ok = MakeButton(language.Say("Connect.Button"), Submit, isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        PlaceButtons(12, y, ok, cancel);
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
