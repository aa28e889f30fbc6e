using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;
using Terminal.Gui.Drawing;

namespace SmtpConsole.Tui;

/// <summary>
/// How transcript rows look. Colour: replies by class (2xx green, 3xx cyan, 4xx yellow, 5xx red), client lines bold,
/// notes dim. Without colour (NO_COLOR) only text styles remain, and the gutters (<c>C:</c>, <c>S:</c>, <c>!</c>, …)
/// carry the distinction. Uses the 16 named colours so a 16-colour terminal shows exactly these.
/// Built on the view's normal attribute so the theme background is kept.
/// </summary>
internal sealed class TranscriptPalette
{
    private readonly Attribute _normal;
    private readonly bool _colour;

    public TranscriptPalette(Attribute normal, bool colour)
    {
        _normal = normal;
        _colour = colour;
        Note = colour ? Fg(ColorName16.DarkGray) : normal with { Style = TextStyle.Faint };
        Hint = colour ? Fg(ColorName16.Yellow, TextStyle.Italic) : normal with { Style = TextStyle.Italic };
        Time = colour ? Fg(ColorName16.DarkGray) : normal with { Style = TextStyle.Faint };
    }

    public Attribute Normal => _normal;
    public bool UsesColour => _colour;
    public Attribute Note { get; }
    public Attribute Hint { get; }
    public Attribute Time { get; }

    /// <summary>The attribute of an event's text.</summary>
    public Attribute TextOf(TranscriptEvent e)
    {
        if (!_colour)
        {
            return e.Kind switch
            {
                TranscriptEventKind.Send => _normal with { Style = TextStyle.Bold },
                TranscriptEventKind.Error => _normal with { Style = TextStyle.Bold },
                TranscriptEventKind.Expect when e.Passed != true => _normal with { Style = TextStyle.Bold },
                TranscriptEventKind.Warn => _normal with { Style = TextStyle.Underline },
                TranscriptEventKind.Info when e.Helper != HelperBoundary.None => _normal with { Style = TextStyle.Faint },
                _ => _normal,
            };
        }
        return e.Kind switch
        {
            TranscriptEventKind.Send => Fg(ColorName16.White, TextStyle.Bold),
            TranscriptEventKind.Reply => Fg(ReplyColour(e.Reply)),
            TranscriptEventKind.Connect or TranscriptEventKind.Tls => Fg(ColorName16.BrightBlue),
            TranscriptEventKind.Warn => Fg(ColorName16.Yellow),
            TranscriptEventKind.Error => Fg(ColorName16.BrightRed, TextStyle.Bold),
            TranscriptEventKind.Expect => e.Passed == true ? Fg(ColorName16.Green) : Fg(ColorName16.BrightRed, TextStyle.Bold),
            TranscriptEventKind.Info when e.Helper != HelperBoundary.None => Fg(ColorName16.Cyan),
            _ => Fg(ColorName16.Gray),
        };
    }

    /// <summary>The attribute of an event's gutter (<c>C:</c>, <c>S:</c>, markers).</summary>
    public Attribute GutterOf(TranscriptEvent e) => _colour
        ? e.Kind == TranscriptEventKind.Send ? Fg(ColorName16.BrightBlue, TextStyle.Bold) : TextOf(e)
        : _normal with { Style = TextStyle.Bold };

    /// <summary>The colour a reply of this class is drawn in.</summary>
    public static ColorName16 ReplyColour(SmtpReply? reply) => reply?.Class switch
    {
        ReplyClass.PositiveCompletion => ColorName16.BrightGreen,
        ReplyClass.PositiveIntermediate => ColorName16.BrightCyan,
        ReplyClass.TransientNegative => ColorName16.BrightYellow,
        ReplyClass.PermanentNegative => ColorName16.BrightRed,
        _ => ColorName16.BrightMagenta,
    };

    /// <summary>The three-column gutter: who speaks, or what kind of remark this is. Readable without colour.</summary>
    public static string Gutter(TranscriptEvent e, TranscriptRowKind kind)
    {
        if (kind == TranscriptRowKind.Hint) return "   ";
        return e.Kind switch
        {
            TranscriptEventKind.Send => "C: ",
            TranscriptEventKind.Reply => "S: ",
            TranscriptEventKind.Connect or TranscriptEventKind.Tls => "*  ",
            TranscriptEventKind.Warn => "!  ",
            TranscriptEventKind.Error => "!! ",
            TranscriptEventKind.Expect => e.Passed == true ? "=  " : "!! ",
            TranscriptEventKind.Info when e.Helper == HelperBoundary.Start => ">> ",
            TranscriptEventKind.Info when e.Helper == HelperBoundary.End => "<< ",
            _ => "#  ",
        };
    }

    private Attribute Fg(ColorName16 colour, TextStyle style = TextStyle.None) =>
        _normal with { Foreground = new Color(colour), Style = style };
}
