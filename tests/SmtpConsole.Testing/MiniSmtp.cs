using System.Text;

namespace SmtpConsole.Testing;

/// <summary>A tiny well-behaved SMTP dialogue for scripted servers: enough for runner and replay tests.</summary>
public static class MiniSmtp
{
    public const string User = "alice";
    public const string Password = "Wonderland-42";

    public static async Task ServeAsync(ScriptedSmtpServer.ServerConnection c, List<List<string>>? messages = null)
    {
        await c.SendAsync("220 mini.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            string verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await c.SendAsync("250-mini.test\r\n250-PIPELINING\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME\r\n");
                    break;
                case "AUTH" when line.Equals("AUTH LOGIN", StringComparison.OrdinalIgnoreCase):
                    await c.SendAsync("334 VXNlcm5hbWU6\r\n");
                    string? user = Decode(await c.ReadLineAsync());
                    await c.SendAsync("334 UGFzc3dvcmQ6\r\n");
                    string? pass = Decode(await c.ReadLineAsync());
                    await c.SendAsync(user == User && pass == Password ? "235 2.7.0 Authentication successful\r\n" : "535 5.7.8 Error: authentication failed: authentication failure\r\n");
                    break;
                case "MAIL":
                    await c.SendAsync("250 2.1.0 Ok\r\n");
                    break;
                case "RCPT":
                    await c.SendAsync(line.Contains("nobody@", StringComparison.Ordinal) ? "550 5.1.1 <nobody@mini.test>: Recipient address rejected\r\n" : "250 2.1.5 Ok\r\n");
                    break;
                case "DATA":
                    await c.SendAsync("354 End data with <CR><LF>.<CR><LF>\r\n");
                    var body = await c.ReadDataAsync();
                    messages?.Add(body);
                    await c.SendAsync("250 2.0.0 Ok: queued as MINI1\r\n");
                    break;
                case "QUIT":
                    await c.SendAsync("221 2.0.0 Bye\r\n");
                    return;
                default:
                    await c.SendAsync(verb is "NOOP" or "RSET" ? "250 2.0.0 Ok\r\n" : "502 5.5.2 Error: command not recognized\r\n");
                    break;
            }
        }
    }

    private static string? Decode(string? b64) => b64 is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(b64));
}
