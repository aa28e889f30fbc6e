using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Transcript;

public sealed class TranscriptStoreTests
{
    private static TranscriptEvent Send(string text) => new(TranscriptEventKind.Send, text);

    private static TranscriptEvent Reply(int code, params string[] lines)
    {
        var reply = SmtpReply.Create(code, lines);
        return new TranscriptEvent(TranscriptEventKind.Reply, string.Join('\n', reply.FormatLines())) { Reply = reply };
    }

    [Fact]
    public void Append_MultiLineReply_BecomesOneRowPerLine()
    {
        var store = new TranscriptStore();
        store.Append(Send("EHLO me"));
        store.Append(Reply(250, "mx.example", "PIPELINING", "AUTH LOGIN PLAIN"));
        store.Append(Send("QUIT"));

        Assert.Equal(5, store.RowCount);
        Assert.Equal(3, store.EventCount);
        Assert.Equal("EHLO me", store.RowAt(0).Text());
        Assert.Equal("250-mx.example", store.RowAt(1).Text());
        Assert.Equal("250-PIPELINING", store.RowAt(2).Text());
        Assert.Equal("250 AUTH LOGIN PLAIN", store.RowAt(3).Text());
        Assert.True(store.RowAt(3).IsLastTextLine);
        Assert.False(store.RowAt(2).IsLastTextLine);
        Assert.Equal(2, store.RowAt(4).EventIndex);
        Assert.Equal(1, store.FirstRowOf(1));
    }

    [Fact]
    public void Append_WithHint_AddsAHintRowAfterTheTextLines()
    {
        var store = new TranscriptStore(hint: e => e.Reply is { Code: >= 400 } ? "hint: try again later" : null);
        store.Append(Reply(451, "4.7.1 greylisted", "come back in 5 minutes"));
        store.Append(Reply(250, "ok"));

        Assert.Equal(4, store.RowCount);
        var hint = store.RowAt(2);
        Assert.Equal(TranscriptRowKind.Hint, hint.Kind);
        Assert.Equal("hint: try again later", hint.Text());
        Assert.Equal(0, hint.EventIndex);
        Assert.Equal("250 ok", store.RowAt(3).Text());
        Assert.Equal("hint: try again later", store.HintOf(0));
        Assert.Null(store.HintOf(1));
    }

    [Fact]
    public void RowAt_AcrossManyChunks_FindsTheRightEventAndLine()
    {
        var store = new TranscriptStore();
        int events = TranscriptStore.ChunkSize * 3 + 17;
        for (int i = 0; i < events; i++)
            store.Append(i % 2 == 0 ? Send("line " + i) : new TranscriptEvent(TranscriptEventKind.Info, $"info {i}a\ninfo {i}b"));

        Assert.Equal(events, store.EventCount);
        Assert.Equal(events / 2 * 3 + (events % 2 == 1 ? 1 : 0), store.RowCount);
        for (int i = 0; i < events; i += 977)
        {
            int first = store.FirstRowOf(i);
            var row = store.RowAt(first);
            Assert.Equal(i, row.EventIndex);
            Assert.Equal(0, row.Line);
            Assert.Same(store.EventAt(i), row.Event);
        }
        var last = store.RowAt(store.RowCount - 1);
        Assert.Equal(events - 1, last.EventIndex);
    }

    [Fact]
    public void Append_BeyondMaxEvents_EvictsTheOldestChunkAndReportsTheRows()
    {
        var store = new TranscriptStore(maxEvents: TranscriptStore.ChunkSize);
        int evicted = 0;
        for (int i = 0; i < TranscriptStore.ChunkSize; i++) evicted += store.Append(Send("a" + i));
        Assert.Equal(0, evicted);

        evicted = store.Append(Send("overflow"));

        Assert.Equal(TranscriptStore.ChunkSize, evicted);
        Assert.Equal(1, store.EventCount);
        Assert.Equal(1, store.RowCount);
        Assert.Equal(TranscriptStore.ChunkSize, store.EvictedEvents);
        Assert.Equal("overflow", store.RowAt(0).Text());
        Assert.Equal(0, store.FirstRowOf(0));
    }

    [Fact]
    public void RowText_SecretEvent_RevealsOnlyWhenAsked()
    {
        var store = new TranscriptStore();
        store.Append(new TranscriptEvent(TranscriptEventKind.Send, TranscriptEvent.RedactedText) { Secret = true, RevealText = "c2VjcmV0" });

        Assert.Equal(TranscriptEvent.RedactedText, store.RowAt(0).Text());
        Assert.Equal("c2VjcmV0", store.RowAt(0).Text(revealSecrets: true));
    }

    [Fact]
    public void MaxRowLength_TracksTheLongestLineOfAnyEvent()
    {
        var store = new TranscriptStore();
        store.Append(new TranscriptEvent(TranscriptEventKind.Info, "short\n" + new string('x', 40) + "\nmid"));
        Assert.Equal(40, store.MaxRowLength);
    }

    [Theory]
    [InlineData("a\nbb\nccc", 0, "a")]
    [InlineData("a\nbb\nccc", 1, "bb")]
    [InlineData("a\nbb\nccc", 2, "ccc")]
    [InlineData("a\nbb\nccc", 3, "")]
    [InlineData("single", 0, "single")]
    [InlineData("ends\n", 1, "")]
    public void LineOf_ReturnsTheNthLine(string text, int line, string expected) =>
        Assert.Equal(expected, TranscriptStore.LineOf(text, line));

    [Fact]
    public void RowAt_OutOfRange_Throws()
    {
        var store = new TranscriptStore();
        Assert.Throws<ArgumentOutOfRangeException>(() => store.RowAt(0));
        store.Append(Send("x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.RowAt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.RowAt(-1));
    }
}
