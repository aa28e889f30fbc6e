using System.Globalization;
using SmtpConsole.Core.Compose;

namespace SmtpConsole.Core.Commands;

/// <summary>The arguments of <c>/compose</c> (tokens as <see cref="CommandLineParser.Tokenize"/> splits them).</summary>
public static class ComposeCommandParser
{
    public const string Usage =
        "usage: /compose --from ADDR --to ADDR [--to ADDR…] [--cc ADDR] [--bcc ADDR] --subject TEXT [--text TEXT|--text-file @F] [--html HTML|--html-file @F] [--attach @FILE…] [--bdat|--data] [--chunk N] [--ret FULL|HDRS] [--envid ID] [--notify SUCCESS,FAILURE]";

    public static ComposeCommand Parse(IReadOnlyList<string> args, string display)
    {
        string? textFile = null, htmlFile = null;
        var draft = new MessageDraft();
        var to = new List<string>();
        var cc = new List<string>();
        var bcc = new List<string>();
        var attachments = new List<string>();
        bool subject = false;
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i].ToLowerInvariant();
            switch (option)
            {
                case "--bdat":
                    draft = draft with { Transfer = Pick(draft.Transfer, MessageTransfer.Bdat) };
                    continue;
                case "--data":
                    draft = draft with { Transfer = Pick(draft.Transfer, MessageTransfer.Data) };
                    continue;
            }
            if (!option.StartsWith("--", StringComparison.Ordinal)) throw new CommandSyntaxException($"/compose: unexpected \"{args[i]}\"; {Usage}");
            if (++i >= args.Count) throw new CommandSyntaxException($"/compose: {option} needs a value");
            string value = args[i];
            switch (option)
            {
                case "--from": draft = draft with { From = value }; break;
                case "--to": to.AddRange(SplitList(value)); break;
                case "--cc": cc.AddRange(SplitList(value)); break;
                case "--bcc": bcc.AddRange(SplitList(value)); break;
                case "--subject":
                    subject = true;
                    draft = draft with { Subject = value };
                    break;
                case "--text": draft = draft with { Text = MessageDraft.UnescapeBody(value) }; break;
                case "--html": draft = draft with { Html = MessageDraft.UnescapeBody(value) }; break;
                case "--text-file": textFile = value.TrimStart('@'); break;
                case "--html-file": htmlFile = value.TrimStart('@'); break;
                case "--attach": attachments.Add(value.TrimStart('@')); break;
                case "--chunk":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int chunk) || chunk <= 0)
                        throw new CommandSyntaxException("/compose: --chunk needs a positive number of octets");
                    draft = draft with { ChunkSize = chunk };
                    break;
                case "--ret":
                    if (!(value.ToUpperInvariant() is "FULL" or "HDRS")) throw new CommandSyntaxException("/compose: --ret is FULL or HDRS");
                    draft = draft with { Return = value.ToUpperInvariant() };
                    break;
                case "--envid": draft = draft with { EnvelopeId = value }; break;
                case "--notify":
                    if (Protocol.MailParameters.Check("RCPT", "NOTIFY=" + value) is [var problem, ..]) throw new CommandSyntaxException("/compose: --notify: " + problem);
                    draft = draft with { Notify = value.ToUpperInvariant() };
                    break;
                default:
                    throw new CommandSyntaxException($"/compose: unknown option {args[i - 1]}; {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(draft.From)) throw new CommandSyntaxException("/compose: --from is required; " + Usage);
        if (to.Count + cc.Count + bcc.Count == 0) throw new CommandSyntaxException("/compose: at least one --to, --cc or --bcc is required");
        if (!subject) throw new CommandSyntaxException("/compose: --subject is required (it may be \"\")");
        draft = draft with { To = to, Cc = cc, Bcc = bcc, Attachments = attachments };
        return new ComposeCommand(draft, textFile, htmlFile) { Display = display };
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Contains('<') ? [value] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static MessageTransfer Pick(MessageTransfer current, MessageTransfer next) =>
        current == MessageTransfer.Auto || current == next ? next : throw new CommandSyntaxException("/compose: choose one of --bdat and --data");
}
