using System.Text;
using MailKit.Security;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// Runs an AUTH exchange step by step on a session, each step its own transcript entry: the command, every
/// 334 challenge decoded, every response annotated (secrets masked), and the final 235 or refusal.
/// </summary>
public static class SaslAuthenticator
{
    private const int MaxSteps = 8;

    public static async Task<CommandResult> AuthenticateAsync(SmtpSession session, AuthRequest request, CancellationToken ct = default)
    {
        var transcript = session.Transcript;
        string mechanism = request.Mechanism.ToUpperInvariant();
        foreach (var (value, refusal) in new[] { (request.User, Messages.SaslMessages.UserNameHasControl), (request.Secret, Messages.SaslMessages.SecretHasControl) })
        {
            if (SmtpCommandText.Problem(value) is not null)
            {
                string message = refusal;
                transcript.Error(message);
                return CommandResult.Fail(CommandFailure.Refused, message);
            }
        }
        if (!session.IsConnected)
            return await session.SendCommandAsync("AUTH " + mechanism, ct: ct).ConfigureAwait(false); // records "not connected"
        if (!session.IsTls && !request.AllowPlaintext)
        {
            string message = Messages.CoreMessages.PlaintextCredentialsRefused;
            transcript.Error(message, Messages.Remedy.UseStartTls);
            return CommandResult.Fail(CommandFailure.Refused, message, Messages.Remedy.UseStartTls);
        }
        if (!session.IsTls) transcript.Warn(Messages.SaslMessages.SendingWithoutTls);
        if (request.OfferChecked)
        {
            // Explained before the secret was asked for.
        }
        else if (!session.Capabilities.IsEmpty && session.Capabilities.Auth && !session.Capabilities.AuthMechanisms.Contains(mechanism))
            transcript.Warn(Messages.SaslMessages.MechanismNotAdvertisedTrying(mechanism, string.Join(' ', session.Capabilities.AuthMechanisms)));
        else if (!session.Capabilities.IsEmpty && !session.Capabilities.Auth)
            transcript.Warn(session.IsTls ? Messages.SaslMessages.AuthNotAdvertisedTrying : Messages.SaslMessages.AuthNotAdvertisedBeforeTls);

        return mechanism == "LOGIN"
            ? await LoginAsync(session, request, ct).ConfigureAwait(false)
            : await MailKitMechanismAsync(session, request, mechanism, ct).ConfigureAwait(false);
    }

    /// <summary>LOGIN answers whatever each prompt asks for (decoded), not whatever comes first.</summary>
    private static async Task<CommandResult> LoginAsync(SmtpSession session, AuthRequest request, CancellationToken ct)
    {
        string userB64 = SaslPayload.Encode(request.User);
        bool sentUser = false, sentPassword = false;
        CommandResult result;
        if (request.InitialResponse == InitialResponseMode.Always)
        {
            result = await session.SendCommandAsync("AUTH LOGIN " + userB64, new SendAnnotation(false, Messages.SaslMessages.UserAsInitialResponse(request.User)), ct).ConfigureAwait(false);
            sentUser = true;
        }
        else
        {
            result = await session.SendCommandAsync("AUTH LOGIN", ct: ct).ConfigureAwait(false);
        }

        for (int step = 0; step < MaxSteps && result.Reply is { Code: 334 } challenge; step++)
        {
            var kind = LoginPrompt.Classify(challenge.Challenge?.Text);
            if (kind == LoginPrompt.Kind.Unknown)
            {
                kind = !sentUser ? LoginPrompt.Kind.UserName : LoginPrompt.Kind.Password;
                string prompt = challenge.Challenge?.Display ?? string.Empty;
                session.Transcript.Warn(kind == LoginPrompt.Kind.UserName ? Messages.SaslMessages.UnusualPromptAnswerUser(prompt) : Messages.SaslMessages.UnusualPromptAnswerPassword(prompt));
            }
            if (kind == LoginPrompt.Kind.UserName)
            {
                result = await session.SendCommandAsync(userB64, new SendAnnotation(false, Messages.SaslMessages.UserInBase64(request.User)), ct).ConfigureAwait(false);
                sentUser = true;
            }
            else
            {
                if (sentPassword)
                {
                    session.Transcript.Warn(Messages.SaslMessages.PasswordAskedAgain);
                    return await session.SendCommandAsync("*", ct: ct).ConfigureAwait(false);
                }
                result = await session.SendCommandAsync(SaslPayload.Encode(request.Secret),
                    new SendAnnotation(true, Messages.SaslMessages.PasswordHidden), ct).ConfigureAwait(false);
                sentPassword = true;
            }
        }
        return Finish(session, request, result, complete: sentPassword);
    }

    private static async Task<CommandResult> MailKitMechanismAsync(SmtpSession session, AuthRequest request, string mechanism, CancellationToken ct)
    {
        SaslMechanism sasl;
        try
        {
            string host = session.Options?.TlsServerName ?? session.Options?.Host ?? "localhost";
            sasl = SaslMechanismFactory.Create(mechanism, request.User, request.Secret, host, session.Options?.Port ?? 25);
        }
        catch (NotSupportedException ex)
        {
            session.Transcript.Error(ex.Message);
            return CommandResult.Fail(CommandFailure.Refused, ex.Message);
        }

        bool initial = request.InitialResponse switch
        {
            InitialResponseMode.Always => true,
            InitialResponseMode.Never => false,
            _ => sasl.SupportsInitialResponse,
        };
        int step = 0;
        CommandResult result;
        string? clientNonce = null;
        if (initial)
        {
            string response;
            try
            {
                response = sasl.Challenge(null, ct);
            }
            catch (Exception ex) when (IsMechanismFailure(ex))
            {
                string message = Messages.SaslMessages.CannotBuildInitialResponse(mechanism, ex.Message);
                session.Transcript.Error(message, Messages.Remedy.NoInitialResponse);
                return CommandResult.Fail(CommandFailure.Refused, message, Messages.Remedy.NoInitialResponse);
            }
            clientNonce = SaslChallengeNote.ScramClientNonce(SaslPayload.Decode(response).Text);
            var (secret, note) = SaslResponseNote.Describe(mechanism, step++, response, request.User);
            result = await session.SendCommandAsync($"AUTH {mechanism} {(response.Length == 0 ? "=" : response)}",
                new SendAnnotation(secret, note, secret ? $"AUTH {mechanism} {TranscriptEvent.RedactedText}" : null), ct).ConfigureAwait(false);
        }
        else
        {
            result = await session.SendCommandAsync("AUTH " + mechanism, ct: ct).ConfigureAwait(false);
        }

        for (int i = 0; i < MaxSteps && result.Reply is { Code: 334 } challenge; i++)
        {
            string token = challenge.Lines.Count > 0 ? challenge.Lines[^1].Trim() : string.Empty;
            string? explanation = mechanism == "NTLM"
                ? NtlmChallengeNote.Describe(challenge.Challenge?.Bytes)
                : SaslChallengeNote.Describe(mechanism, challenge.Challenge?.Text, clientNonce);
            if (explanation is not null) session.Transcript.Info(explanation);
            if (sasl.IsAuthenticated && mechanism is "XOAUTH2" or "OAUTHBEARER")
            {
                // XOAUTH2/OAUTHBEARER report errors as a Base64 JSON challenge; the client's reply only ends the exchange.
                if (explanation is null) session.Transcript.Info(Messages.SaslMessages.ErrorChallenge(challenge.Challenge?.Display ?? string.Empty));
                result = mechanism == "OAUTHBEARER"
                    ? await session.SendCommandAsync("AQ==", new SendAnnotation(false, Messages.SaslMessages.OAuthBearerEndsExchange), ct).ConfigureAwait(false)
                    : await session.SendCommandAsync(string.Empty, new SendAnnotation(false, Messages.SaslMessages.EmptyResponseEndsExchange), ct).ConfigureAwait(false);
                break;
            }
            string response;
            try
            {
                response = sasl.Challenge(token, ct);
            }
            catch (Exception ex) when (IsMechanismFailure(ex))
            {
                session.Transcript.Error(Messages.SaslMessages.CannotAnswerChallenge(mechanism, ex.Message));
                return await session.SendCommandAsync("*", ct: ct).ConfigureAwait(false);
            }
            if (step == 0) clientNonce = SaslChallengeNote.ScramClientNonce(SaslPayload.Decode(response).Text);
            var (secret, note) = SaslResponseNote.Describe(mechanism, step++, response, request.User);
            result = await session.SendCommandAsync(response, new SendAnnotation(secret, note), ct).ConfigureAwait(false);
        }
        // MailKit counts a mechanism authenticated only once its side is done: the response sent, and for SCRAM and
        // DIGEST-MD5 the server's proof checked. A 235 before that was not earned by the secret.
        return Finish(session, request, result, complete: sasl.IsAuthenticated);
    }

    // MailKit signals a mechanism it cannot drive in this state (e.g. a missing service URI) with InvalidOperationException.
    private static bool IsMechanismFailure(Exception ex) =>
        ex is SaslException or FormatException or NotSupportedException or AuthenticationException or InvalidOperationException or ArgumentException;

    private static CommandResult Finish(SmtpSession session, AuthRequest request, CommandResult result, bool complete)
    {
        if (result.Reply is { Code: 235 } && !complete)
        {
            string message = Messages.SaslMessages.SuccessBeforeExchangeComplete(request.Mechanism.ToUpperInvariant());
            session.Transcript.Error(message);
            session.SetAuthenticatedUser(null); // the session took any 235 to AUTH as a login; this one names no one
            return result with { Failure = CommandFailure.Unverified, Message = message };
        }
        if (result.Reply is { Code: 235 }) session.SetAuthenticatedUser(request.User);
        else if (result.Reply is { Code: 334 }) session.Transcript.Error(Messages.SaslMessages.TooManyChallenges);
        return result;
    }
}
