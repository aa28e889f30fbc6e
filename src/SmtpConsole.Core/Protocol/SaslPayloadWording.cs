using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// A SASL payload as the screen says it, in <see cref="CoreMessages.Language"/> (<see cref="SaslPayload.Display"/> stays
/// the English rendering JSON carries).
/// </summary>
public static class SaslPayloadWording
{
    /// <summary>The note under a 334 challenge or beside /unb64: the decoded text, hex when binary, or why it is not Base64.</summary>
    public static string Note(SaslPayload payload) =>
        payload.Problem is { } problem ? SessionMessages.InvalidBase64(Problem(problem))
        : payload.Text is { } text ? SessionMessages.Decoded(text)
        : SessionMessages.Decoded(Hex(payload));

    /// <summary>A binary payload as hex ("hex 0a1b…").</summary>
    public static string Hex(SaslPayload payload) => SessionMessages.DecodedHex(Convert.ToHexString(payload.Bytes ?? []).ToLowerInvariant());

    /// <summary>Why the payload is not Base64, worded (the payload's own problem text is English).</summary>
    public static string Problem(string problem) => problem switch
    {
        SaslPayload.LengthProblem => SessionMessages.Base64LengthProblem,
        SaslPayload.AlphabetProblem => SessionMessages.Base64AlphabetProblem,
        _ => problem,
    };
}
