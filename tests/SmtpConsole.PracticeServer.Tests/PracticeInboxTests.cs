namespace SmtpConsole.PracticeServer.Tests;

public sealed class PracticeInboxTests
{
    private static ReceivedMessage Message(string id) => new()
    {
        Id = id,
        ReceivedAt = DateTimeOffset.Now,
        MailFrom = "a@b.example",
        Recipients = ["c@d.example"],
        MailParameters = [],
        RawBytes = "x\r\n"u8.ToArray(),
    };

    [Fact]
    public void Add_stores_in_order_and_raises_the_event()
    {
        var inbox = new PracticeInbox();
        var raised = new List<string>();
        inbox.MessageReceived += (_, e) => raised.Add(e.Message.Id);
        inbox.Add(Message("A"));
        inbox.Add(Message("B"));
        Assert.Equal(["A", "B"], inbox.Messages.Select(message => message.Id));
        Assert.Equal(["A", "B"], raised);
        Assert.Equal("B", inbox.Find("B")?.Id);
        Assert.Null(inbox.Find("C"));
    }

    [Fact]
    public void Oldest_messages_are_dropped_beyond_capacity()
    {
        var inbox = new PracticeInbox(capacity: 2);
        inbox.Add(Message("A"));
        inbox.Add(Message("B"));
        inbox.Add(Message("C"));
        Assert.Equal(["B", "C"], inbox.Messages.Select(message => message.Id));
    }

    [Fact]
    public void Oldest_messages_are_dropped_beyond_the_byte_budget_but_never_the_newest()
    {
        var inbox = new PracticeInbox(capacity: 100, maxTotalBytes: 7);
        inbox.Add(Message("A"));
        inbox.Add(Message("B"));
        Assert.Equal(["A", "B"], inbox.Messages.Select(message => message.Id));
        inbox.Add(Message("C"));
        Assert.Equal(["B", "C"], inbox.Messages.Select(message => message.Id));
        var big = new PracticeInbox(capacity: 100, maxTotalBytes: 1);
        big.Add(Message("E"));
        Assert.Equal(1, big.Count);
    }

    [Fact]
    public void A_throwing_handler_does_not_fail_the_delivery()
    {
        var inbox = new PracticeInbox();
        inbox.MessageReceived += (_, _) => throw new InvalidOperationException("UI bug");
        inbox.Add(Message("A"));
        Assert.Equal(1, inbox.Count);
    }

    [Fact]
    public void Snapshot_is_unaffected_by_later_changes_and_clear_empties()
    {
        var inbox = new PracticeInbox();
        inbox.Add(Message("A"));
        var snapshot = inbox.Messages;
        inbox.Clear();
        Assert.Single(snapshot);
        Assert.Equal(0, inbox.Count);
    }

    [Fact]
    public void Concurrent_adds_are_all_kept()
    {
        var inbox = new PracticeInbox(capacity: 10_000);
        Parallel.For(0, 2000, i => inbox.Add(Message(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(2000, inbox.Count);
        Assert.Equal(2000, inbox.Messages.Select(message => message.Id).Distinct().Count());
    }
}
