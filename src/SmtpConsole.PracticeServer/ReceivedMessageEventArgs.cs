namespace SmtpConsole.PracticeServer;

/// <summary>Carries the message for <see cref="PracticeInbox.MessageReceived"/>.</summary>
/// <param name="message">The message just added to the inbox.</param>
public sealed class ReceivedMessageEventArgs(ReceivedMessage message) : EventArgs
{
    /// <summary>The message just added to the inbox.</summary>
    public ReceivedMessage Message { get; } = message;
}
