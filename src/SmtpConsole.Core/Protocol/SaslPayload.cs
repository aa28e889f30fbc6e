using System.Text;

namespace SmtpConsole.Core.Protocol;

/// <summary>A Base64 SASL payload (a 334 challenge or a client response) and what it decodes to.</summary>
public sealed record SaslPayload(string Base64, byte[]? Bytes, string? Text, string? Problem)
{
    /// <summary>True when the payload was valid Base64 (an empty payload is valid and means "no data").</summary>
    public bool IsValid => Problem is null;

    /// <summary>Why Base64 did not decode: its length (a truncated payload).</summary>
    internal const string LengthProblem = "length is not a multiple of 4";

    /// <summary>Why Base64 did not decode: a character outside its alphabet.</summary>
    internal const string AlphabetProblem = "contains characters outside the Base64 alphabet";

    /// <summary>A rendering for JSON and logs (English): the decoded text, or hex when binary, or the problem.</summary>
    public string Display => Problem is not null ? $"invalid Base64: {Problem}"
        : Text is not null ? Text
        : "hex " + Convert.ToHexString(Bytes!).ToLowerInvariant();

    /// <summary>Decodes without throwing: invalid Base64 is reported in <see cref="Problem"/>.</summary>
    public static SaslPayload Decode(string base64)
    {
        string trimmed = base64.Trim();
        if (trimmed.Length == 0) return new SaslPayload(trimmed, [], string.Empty, null);
        byte[] buffer = new byte[System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(trimmed.Length)];
        byte[] utf8 = Encoding.ASCII.GetBytes(trimmed);
        var status = System.Buffers.Text.Base64.DecodeFromUtf8(utf8, buffer, out _, out int written);
        if (status != System.Buffers.OperationStatus.Done)
        {
            return new SaslPayload(trimmed, null, null, status == System.Buffers.OperationStatus.NeedMoreData
                ? LengthProblem
                : AlphabetProblem);
        }
        byte[] bytes = buffer[..written];
        return new SaslPayload(trimmed, bytes, TryText(bytes), null);
    }

    /// <summary>Encodes text as UTF-8 Base64 (what <c>/b64</c> does).</summary>
    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? TryText(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        foreach (char c in text)
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return null;
        return ServerText.Neutralize(text);
    }
}
