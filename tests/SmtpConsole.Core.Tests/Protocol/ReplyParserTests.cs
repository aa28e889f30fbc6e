using System.Buffers;
using System.Text;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class ReplyParserTests
{
    private static List<SmtpReply> ParseAll(string text, int maxLine = ReplyParser.DefaultMaxLineLength) => ParseAll(Encoding.UTF8.GetBytes(text), maxLine);

    private static List<SmtpReply> ParseAll(byte[] bytes, int maxLine = ReplyParser.DefaultMaxLineLength)
    {
        var parser = new ReplyParser(maxLine);
        var buffer = new ReadOnlySequence<byte>(bytes);
        var replies = new List<SmtpReply>();
        while (parser.TryRead(ref buffer, out var reply)) replies.Add(reply!);
        return replies;
    }

    [Fact]
    public void TryRead_SingleLine_ParsesCodeEnhancedAndText()
    {
        var reply = Assert.Single(ParseAll("250 2.1.0 Ok\r\n"));
        Assert.Equal(250, reply.Code);
        Assert.Equal(new EnhancedStatusCode(2, 1, 0), reply.Enhanced);
        Assert.Equal(["2.1.0 Ok"], reply.Lines);
        Assert.Equal(ReplyClass.PositiveCompletion, reply.Class);
        Assert.False(reply.IsMalformed);
    }

    [Fact]
    public void TryRead_MultiLine_CollectsUntilSpaceSeparator()
    {
        var reply = Assert.Single(ParseAll("250-mail.example\r\n250-PIPELINING\r\n250 SIZE 1000\r\n"));
        Assert.Equal(["mail.example", "PIPELINING", "SIZE 1000"], reply.Lines);
        Assert.Equal(["250-mail.example", "250-PIPELINING", "250 SIZE 1000"], reply.FormatLines());
    }

    [Fact]
    public void TryRead_TwoRepliesInOneBuffer_ReturnsBoth()
    {
        var replies = ParseAll("250 Ok\r\n354 Go ahead\r\n");
        Assert.Equal([250, 354], replies.Select(r => r.Code));
    }

    [Fact]
    public void TryRead_EveryPrefixOfValidReply_NeedsMoreDataAndConsumesNoReply()
    {
        byte[] full = "250-first\r\n250 last\r\n"u8.ToArray();
        for (int n = 0; n < full.Length; n++)
        {
            var parser = new ReplyParser();
            var buffer = new ReadOnlySequence<byte>(full[..n]);
            Assert.False(parser.TryRead(ref buffer, out _), $"prefix of {n} bytes produced a reply");
        }
    }

    [Fact]
    public void TryRead_OneBytePerCall_ProducesSameReply()
    {
        byte[] full = "250-first\r\n250 2.0.0 last\r\n"u8.ToArray();
        var parser = new ReplyParser();
        SmtpReply? result = null;
        var pending = new List<byte>();
        foreach (byte b in full)
        {
            pending.Add(b);
            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            if (parser.TryRead(ref buffer, out var reply)) result = reply;
            pending = buffer.ToArray().ToList();
        }
        Assert.NotNull(result);
        Assert.Equal(["first", "2.0.0 last"], result!.Lines);
    }

    [Theory]
    [InlineData("2x0 Ok", "not an SMTP reply")]
    [InlineData("99", "too short")]
    [InlineData("2500 Ok", "4 digits")]
    [InlineData("XXX", "not an SMTP reply")]
    [InlineData("012 hi", "must start with 2, 3, 4 or 5")]
    [InlineData("650 six", "must start with 2, 3, 4 or 5")]
    [InlineData("250x", "followed by a space")]
    [InlineData("", "too short")]
    public void TryRead_InvalidCode_ReturnsMalformedReplyWithProblem(string line, string expectedProblem)
    {
        var reply = Assert.Single(ParseAll(line + "\r\n"));
        Assert.True(reply.IsMalformed);
        Assert.Equal(0, reply.Code);
        Assert.Contains(expectedProblem, reply.Problem);
    }

    [Fact]
    public void TryRead_MixedCodesInMultiLine_FlagsInconsistency()
    {
        var reply = Assert.Single(ParseAll("250-a\r\n251-b\r\n250 c\r\n"));
        Assert.Equal(250, reply.Code);
        Assert.Contains(reply.Warnings, w => w.Contains("inconsistent codes"));
    }

    [Theory]
    [InlineData("250-first\r\n550 5.1.1 no such user\r\n", 250, 550)]
    [InlineData("550-refused\r\n250 ok after all\r\n", 550, 250)]
    [InlineData("250-a\r\n250-b\r\n451 4.3.0 try later\r\n", 250, 451)]
    public void TryRead_LastLineOfAnotherClass_IsMalformed_AndShownAsReceived(string wire, int first, int last)
    {
        var reply = Assert.Single(ParseAll(wire));
        Assert.True(reply.IsMalformed);
        Assert.Contains($"{first} then {last}", reply.Problem);
        Assert.Equal(wire.TrimEnd('\n', '\r').Split("\r\n"), reply.FormatLines());
    }

    [Fact]
    public void TryRead_BareLf_AcceptedWithWarning()
    {
        var reply = Assert.Single(ParseAll("220 hi\n"));
        Assert.Equal(220, reply.Code);
        Assert.Contains(reply.Warnings, w => w.Contains("bare LF"));
    }

    [Fact]
    public void TryRead_LineWithoutCrlfBeyondCap_ReportsOnceAndDiscardsUntilLf()
    {
        var parser = new ReplyParser(maxLineLength: 1024);
        var buffer = new ReadOnlySequence<byte>(new byte[5000].Select(_ => (byte)'A').ToArray());
        Assert.True(parser.TryRead(ref buffer, out var reply));
        Assert.True(reply!.IsMalformed);
        Assert.Contains("longer than 1024", reply.Problem);
        Assert.True(buffer.IsEmpty);
        // The rest of that line is dropped, then parsing resumes.
        var more = new ReadOnlySequence<byte>("AAAA\r\n250 back\r\n"u8.ToArray());
        Assert.True(parser.TryRead(ref more, out var next));
        Assert.Equal(250, next!.Code);
    }

    [Fact]
    public void TryRead_ThousandsOfLines_KeepsAtMostTheCap()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.Append("250-LINE").Append(i).Append("\r\n");
        sb.Append("250 END\r\n");
        var reply = Assert.Single(ParseAll(sb.ToString()));
        Assert.Equal(ReplyParser.DefaultMaxLines, reply.Lines.Count);
        Assert.Contains(reply.Warnings, w => w.Contains("more than"));
    }

    [Fact]
    public void TryRead_EscapeSequencesAndBidi_AreNeutralised()
    {
        var reply = Assert.Single(ParseAll("250 evil\u001b]0;title\u0007 \u202Eabc\0\r\n"));
        string text = reply.Lines[0];
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\0', text);
        Assert.Contains("\\x1b", text);
        Assert.Contains("\\u202e", text);
    }

    [Fact]
    public void TryRead_NeitherUtf8NorGb18030_EscapesInvalidBytesByDefault()
    {
        // 0xFF is a lead byte in neither UTF-8 nor GB18030: nothing can decode it, so it is shown escaped.
        byte[] garbage = [.. "550 "u8.ToArray(), 0xFF, 0xFE, 0xFF, (byte)'\r', (byte)'\n'];
        var reply = Assert.Single(ParseAll(garbage));
        Assert.Equal(550, reply.Code);
        Assert.Equal("\\xff\\xfe\\xff", reply.Lines[0]);
    }

    [Fact]
    public void TryRead_Latin1Text_IsEscapedNotTakenForChinese()
    {
        byte[] latin1 = [.. "550 "u8.ToArray(), 0xC4, 0xE3, (byte)' ', 0xBA, (byte)'\r', (byte)'\n'];
        var reply = Assert.Single(ParseAll(latin1));
        Assert.Equal(550, reply.Code);
        Assert.Equal("\\xc4\\xe3 \\xba", reply.Lines[0]);
    }

    [Fact]
    public void TryRead_GbkText_IsReDecodedAndMarkedByDefault()
    {
        // Issue 18: this was escaped (\xc4\xe3\xba\xc3) before; Chinese GB18030 text is now shown, marked.
        byte[] gbk = [.. "550 "u8.ToArray(), 0xC4, 0xE3, 0xBA, 0xC3, (byte)'\r', (byte)'\n'];
        var reply = Assert.Single(ParseAll(gbk));
        Assert.Equal(550, reply.Code);
        Assert.Equal("你好" + ServerText.Gb18030Marker, reply.Lines[0]);
    }

    [Fact]
    public void TryRead_NonUtf8Text_UsesFallbackEncodingWhenGiven()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030");
        byte[] bytes = [.. "550 "u8.ToArray(), .. gb18030.GetBytes("你好"), (byte)'\r', (byte)'\n'];
        var parser = new ReplyParser(fallbackEncoding: gb18030);
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(parser.TryRead(ref buffer, out var reply));
        Assert.Equal("你好", reply!.Lines[0]);
    }

    [Fact]
    public void Complete_ConnectionClosedMidReply_ReturnsMalformedWithWhatArrived()
    {
        var parser = new ReplyParser();
        var buffer = new ReadOnlySequence<byte>("250-first\r\n250 sec"u8.ToArray());
        Assert.False(parser.TryRead(ref buffer, out _));
        var reply = parser.Complete(buffer);
        Assert.NotNull(reply);
        Assert.Contains("closed", reply!.Problem);
        Assert.Contains("first", reply.Lines);
    }

    [Fact]
    public void Reply334_DecodesChallengeAsText()
    {
        var reply = Assert.Single(ParseAll("334 VXNlcm5hbWU6\r\n"));
        Assert.Equal("Username:", reply.Challenge!.Text);
    }

    [Fact]
    public void Reply334_InvalidBase64_IsReportedNotThrown()
    {
        var reply = Assert.Single(ParseAll("334 not*base64!\r\n"));
        Assert.False(reply.Challenge!.IsValid);
        Assert.Contains("invalid Base64", reply.Challenge.Display);
    }

    [Fact]
    public void Enhanced_IgnoredWhenClassDisagreesWithCode()
    {
        var reply = Assert.Single(ParseAll("250 5.7.1 odd\r\n"));
        Assert.Null(reply.Enhanced);
    }
}
