namespace SmtpConsole.Tui;

/// <summary>The pieces of the status line, each drawn in its own colour.</summary>
internal enum StatusPart
{
    Brand,
    Separator,
    Target,
    Security,
    Auth,
    Phase,
    Latency,
}

/// <summary>
/// What the status line shows at a given width. The phase and the user answer "where am I in the dialogue?", so they
/// stay whole longest; the cipher suite, the program's name, the latency, the long "not authenticated", the target's
/// label and only then the target itself give way first (a cut at the end of the row used to take the phase, the one
/// thing a learner looks for, at 80 columns; at 60 the practice server's address was cut).
/// </summary>
internal static class StatusLineLayout
{
    public const string Brand = " smtpconsole";

    public const string Separator = " │ ";

    /// <summary>Fewest columns of the target before it is dropped to its marker alone.</summary>
    private const int MinimumTarget = 8;

    public static IReadOnlyList<(StatusPart Part, string Text)> Fit(StatusSnapshot status, int width)
    {
        var full = Compose(status, status.Security, brand: true, latency: true, status.Target, status.Auth);
        if (width <= 0 || Columns(full) <= width) return full;

        string security = ShortSecurity(status.Security);
        string auth = status.ShortAuth ?? status.Auth;
        string bare = status.BareTarget ?? status.Target;
        var steps = new[]
        {
            Compose(status, security, brand: true, latency: true, status.Target, status.Auth),
            Compose(status, security, brand: false, latency: true, status.Target, status.Auth),
            Compose(status, security, brand: false, latency: false, status.Target, status.Auth),
            Compose(status, security, brand: false, latency: false, status.Target, auth),
            Compose(status, security, brand: false, latency: false, bare, auth),
        };
        foreach (var step in steps)
        {
            if (Columns(step) <= width) return step;
        }

        // Still too wide: cut the target so that the rest stays whole (the row's own cut takes what is left over).
        var narrowest = steps[^1];
        int others = Columns(narrowest) - TextColumns.Of(bare);
        int room = Math.Max(MinimumTarget, width - others);
        return Compose(status, security, brand: false, latency: false, TextColumns.Cut(bare, room), auth);
    }

    /// <summary>The protocol without the cipher suite ("TLSv1.3 TLS_AES_256_GCM_SHA384" → "TLSv1.3").</summary>
    public static string ShortSecurity(string security)
    {
        int space = security.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && security.StartsWith("TLS", StringComparison.Ordinal) ? security[..space] : security;
    }

    private static List<(StatusPart Part, string Text)> Compose(StatusSnapshot status, string security, bool brand, bool latency, string target, string auth)
    {
        var parts = new List<(StatusPart, string)>(11);
        if (brand)
        {
            parts.Add((StatusPart.Brand, Brand));
            parts.Add((StatusPart.Separator, Separator));
        }
        else
        {
            parts.Add((StatusPart.Separator, " "));
        }
        parts.Add((StatusPart.Target, target));
        parts.Add((StatusPart.Separator, Separator));
        parts.Add((StatusPart.Security, security));
        parts.Add((StatusPart.Separator, Separator));
        parts.Add((StatusPart.Auth, auth));
        parts.Add((StatusPart.Separator, Separator));
        parts.Add((StatusPart.Phase, status.Phase));
        if (latency && status.Latency is { } shown)
        {
            parts.Add((StatusPart.Separator, Separator));
            parts.Add((StatusPart.Latency, shown));
        }
        return parts;
    }

    private static int Columns(List<(StatusPart Part, string Text)> parts)
    {
        int columns = 0;
        foreach (var (_, text) in parts) columns += TextColumns.Of(text);
        return columns;
    }
}
