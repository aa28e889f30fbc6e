namespace SmtpConsole.PracticeServer.Tests;

/// <summary>Starts a practice server for one test with a log that tests can inspect.</summary>
internal static class ServerFixture
{
    public static Task<PracticeSmtpServer> StartAsync(PracticeServerOptions? options = null) =>
        PracticeSmtpServer.StartAsync(options ?? new PracticeServerOptions());

    /// <summary>Waits for the inbox to hold <paramref name="count"/> messages (delivery happens on the server's task).</summary>
    public static async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(PracticeInbox inbox, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (inbox.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} message(s), inbox has {inbox.Count}.");
            await Task.Delay(10);
        }

        return inbox.Messages;
    }
}
