namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the console says around an AUTH exchange (refusals, warnings, the notes on the lines it sends), worded in
/// <see cref="CoreMessages.Language"/>. Mechanism names and Base64 stay as they are. Texts: <c>Sasl.*</c> keys.
/// </summary>
public static class SaslMessages
{
    public static string UserNameHasControl => Say(nameof(UserNameHasControl));

    public static string SecretHasControl => Say(nameof(SecretHasControl));

    public static string SendingWithoutTls => Say(nameof(SendingWithoutTls));

    public static string MechanismNotAdvertisedTrying(string mechanism, string offered) => Say(nameof(MechanismNotAdvertisedTrying), mechanism, offered);

    public static string AuthNotAdvertisedTrying => Say(nameof(AuthNotAdvertisedTrying));

    public static string AuthNotAdvertisedBeforeTls => Say(nameof(AuthNotAdvertisedBeforeTls));

    public static string AuthNotAdvertisedAtAllWillFail => Say(nameof(AuthNotAdvertisedAtAllWillFail));

    public static string AuthNotAdvertisedWillFail => Say(nameof(AuthNotAdvertisedWillFail));

    public static string AuthNotAdvertisedOffersStartTls => Say(nameof(AuthNotAdvertisedOffersStartTls));

    public static string MechanismNotAdvertised(string mechanism, string offered) => Say(nameof(MechanismNotAdvertised), mechanism, offered);

    public static string UserAsInitialResponse(string user) => Say(nameof(UserAsInitialResponse), user);

    public static string UnusualPromptAnswerUser(string prompt) => Say(nameof(UnusualPromptAnswerUser), prompt);

    public static string UnusualPromptAnswerPassword(string prompt) => Say(nameof(UnusualPromptAnswerPassword), prompt);

    public static string UserInBase64(string user) => Say(nameof(UserInBase64), user);

    public static string PasswordAskedAgain => Say(nameof(PasswordAskedAgain));

    public static string PasswordHidden => Say(nameof(PasswordHidden));

    public static string CannotBuildInitialResponse(string mechanism, string detail) => Say(nameof(CannotBuildInitialResponse), mechanism, detail);

    public static string ErrorChallenge(string challenge) => Say(nameof(ErrorChallenge), challenge);

    public static string OAuthBearerEndsExchange => Say(nameof(OAuthBearerEndsExchange));

    public static string EmptyResponseEndsExchange => Say(nameof(EmptyResponseEndsExchange));

    public static string CannotAnswerChallenge(string mechanism, string detail) => Say(nameof(CannotAnswerChallenge), mechanism, detail);

    public static string TooManyChallenges => Say(nameof(TooManyChallenges));

    public static string AuthLineHidden => Say(nameof(AuthLineHidden));

    public static string InitialResponseUser(string user) => Say(nameof(InitialResponseUser), user);

    public static string InitialResponseHidden => Say(nameof(InitialResponseHidden));

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Sasl." + name, args);
}
