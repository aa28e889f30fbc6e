using System.Globalization;
using SmtpConsole.Core.Session;
using SmtpConsole.Testing;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// The engine counts a message as accepted exactly when the server says 2xx to its end: the lone '.' after DATA or
/// <c>BDAT … LAST</c>. A 250 to an earlier chunk, or a refusal of the end, is not a message.
/// </summary>
public sealed class MessagesAcceptedTests
{
    [Fact]
    public async Task BdatLast_AndEndOfData_Count_ChunksAndRefusalsDoNot()
    {
        var verdicts = new Queue<string>(["250 2.0.0 queued as B1", "250 2.0.0 queued as D1", "554 5.6.0 refused", "550 5.7.1 refused"]);
        var (h, server) = await SessionHarness.ConnectedAfterGreetingAsync(async c =>
        {
            while (await c.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("BDAT ", StringComparison.Ordinal))
                {
                    await c.ReadBytesAsync(int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
                    await c.SendAsync((line.EndsWith(" LAST", StringComparison.Ordinal) ? verdicts.Dequeue() : "250 2.0.0 chunk ok") + "\r\n");
                }
                else if (line == "DATA")
                {
                    await c.SendAsync("354 go\r\n");
                    await c.ReadDataAsync();
                    await c.SendAsync(verdicts.Dequeue() + "\r\n");
                }
                else
                {
                    await c.SendAsync("250 ok\r\n");
                }
            }
        });
        await using var _ = server;
        await using var harness = h;

        Assert.Equal(0, h.Session.MessagesAccepted);
        using (var body = new MemoryStream("Subject: b\r\n\r\nx\r\n"u8.ToArray()))
            Assert.True((await h.Session.SendBdatAsync(body, chunkSize: 8)).Succeeded);
        Assert.Equal(1, h.Session.MessagesAccepted);

        Assert.Equal(354, (await h.Session.SendCommandAsync("DATA")).Reply!.Code);
        using (var body = new MemoryStream("Subject: d\r\n\r\ny\r\n"u8.ToArray()))
            Assert.Equal(250, (await h.Session.SendDataBodyAsync(body, "test")).Reply!.Code);
        Assert.Equal(2, h.Session.MessagesAccepted);

        using (var body = new MemoryStream("z"u8.ToArray()))
            Assert.Equal(554, (await h.Session.SendBdatAsync(body, chunkSize: 8)).Reply!.Code);
        Assert.Equal(354, (await h.Session.SendCommandAsync("DATA")).Reply!.Code);
        Assert.True(await h.Session.SendDataLineAsync("w"));
        Assert.Equal(550, (await h.Session.EndDataAsync()).Reply!.Code);
        Assert.Equal(2, h.Session.MessagesAccepted);
    }
}
