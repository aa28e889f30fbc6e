using System.CommandLine;
using System.CommandLine.Help;

namespace SmtpConsole.Cli;

/// <summary>
/// Help for a subcommand shows only its own arguments. The library's usage line puts the main command's HOST and
/// PORT before the subcommand (<c>smtpconsole [HOST [PORT]] doctor …</c>), a form that is not valid, and lists them
/// among the subcommand's arguments; its layout API is not public, so the finished text is corrected.
/// </summary>
internal static class SubcommandHelp
{
    /// <summary>Runs the parse result; for a subcommand's help, prints it without the main command's arguments.</summary>
    public static async Task<int> InvokeAsync(ParseResult parsed, Argument rootHost, Argument rootPort)
    {
        // Exceptions reach Program, which turns them into one line (never a stack trace).
        if (parsed.Action is not HelpAction) return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        using var output = new StringWriter();
        // The library counts characters, not terminal columns: Chinese help is laid out unwrapped, then wrapped here.
        int? width = CliLanguage.Current == Core.Messages.UiLanguage.English ? null : TerminalWidth();
        if (width is not null && parsed.Action is HelpAction help) help.MaxWidth = int.MaxValue;
        int code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output }).ConfigureAwait(false);
        string text = HelpHeadings.Translate(WithoutRootArguments(output.ToString(), rootHost, rootPort), CliLanguage.Current);
        await Console.Out.WriteAsync(width is { } columns ? HelpWrap.Wrap(text, columns) : text).ConfigureAwait(false);
        return code;
    }

    /// <summary>The terminal's width when help goes to a terminal; null (no wrapping) when it is redirected, as the library does.</summary>
    private static int? TerminalWidth()
    {
        if (Console.IsOutputRedirected) return null;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static string WithoutRootArguments(string help, Argument rootHost, Argument rootPort)
    {
        string prefix = $"smtpconsole [<{rootHost.Name}> [<{rootPort.Name}>]] ";
        // The main command: a target or a command, never both.
        string both = prefix + "[command] [options]";
        if (help.Contains(both, StringComparison.Ordinal))
            return help.Replace(both, prefix + "[options]\n  smtpconsole <command> [options]", StringComparison.Ordinal);
        var lines = help.Replace(prefix, "smtpconsole ", StringComparison.Ordinal).Split('\n')
            .Where(line => !IsRow(line, rootHost) && !IsRow(line, rootPort));
        return string.Join('\n', lines);
    }

    private static bool IsRow(string line, Argument argument) =>
        line.TrimStart().StartsWith($"<{argument.Name}>", StringComparison.Ordinal)
        && argument.Description is { Length: > 0 } description && line.TrimEnd().EndsWith(description, StringComparison.Ordinal);
}
