using System.Text;
using CsCheck;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class SaslPayloadTests
{
    [Theory]
    [InlineData("VXNlcm5hbWU6", "Username:")]
    [InlineData("UGFzc3dvcmQ6", "Password:")]
    [InlineData("", "")]
    public void Decode_Text(string b64, string expected)
    {
        var payload = SaslPayload.Decode(b64);
        Assert.True(payload.IsValid);
        Assert.Equal(expected, payload.Text);
    }

    [Fact]
    public void Decode_Binary_ShowsHex()
    {
        var payload = SaslPayload.Decode(Convert.ToBase64String([0x00, 0xff, 0x10]));
        Assert.Null(payload.Text);
        Assert.Equal("hex 00ff10", payload.Display);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a*bc")]
    [InlineData("====")]
    public void Decode_Invalid_ReportsProblem(string b64)
    {
        var payload = SaslPayload.Decode(b64);
        Assert.False(payload.IsValid);
        Assert.NotNull(payload.Problem);
    }

    [Fact]
    public void EncodeThenDecode_RoundTripsAnyText()
    {
        Gen.String.Sample(s =>
        {
            string clean = new(s.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
            var decoded = SaslPayload.Decode(SaslPayload.Encode(clean));
            Assert.Equal(Encoding.UTF8.GetBytes(clean), decoded.Bytes);
        }, iter: 2000);
    }
}
