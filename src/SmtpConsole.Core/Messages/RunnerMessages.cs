namespace SmtpConsole.Core.Messages;

/// <summary>
/// What the command runner's helpers (/ehlo, /starttls, /connect, /data, /bdat, /pipeline, /compose, /mx) say around
/// what they send, worded in <see cref="CoreMessages.Language"/>. Texts: <c>Runner.*</c> keys of the catalogue.
/// </summary>
public static class RunnerMessages
{
    public static string DataPrompt => Say(nameof(DataPrompt));

    public static string Cancelled => Say(nameof(Cancelled));

    public static string NotConnected => Say(nameof(NotConnected));

    public static string Port465IsImplicitTls => Say(nameof(Port465IsImplicitTls));

    public static string ConnectingToBestMx(string domain, string host) => Say(nameof(ConnectingToBestMx), domain, host);

    public static string NoMxRecords(string domain) => Say(nameof(NoMxRecords), domain);

    public static string MxFor(string domain, string hosts) => Say(nameof(MxFor), domain, hosts);

    public static string MxLookupFailed(string domain, string detail) => Say(nameof(MxLookupFailed), domain, detail);

    public static string ServerOffers(string parts) => Say(nameof(ServerOffers), parts);

    /// <summary>Between the items of a list in a sentence (", " in English, "，" in Chinese).</summary>
    public static string ListSeparator => Say(nameof(ListSeparator));

    public static string OfferNoSizeLimit => Say(nameof(OfferNoSizeLimit));

    public static string OfferSizeLimit(string bytes) => Say(nameof(OfferSizeLimit), bytes);

    public static string OfferNoAuth => Say(nameof(OfferNoAuth));

    public static string OfferNoAuthBeforeTls => Say(nameof(OfferNoAuthBeforeTls));

    public static string OfferStartTls => Say(nameof(OfferStartTls));

    public static string OfferOther(string keywords) => Say(nameof(OfferOther), keywords);

    public static string StartTlsNotAdvertisedTrying => Say(nameof(StartTlsNotAdvertisedTrying));

    public static string TooLargeToKeep(string bytes) => Say(nameof(TooLargeToKeep), bytes);

    public static string LargerThanSize(string bytes, string limit) => Say(nameof(LargerThanSize), bytes, limit);

    public static string ChunkingNotAdvertised => Say(nameof(ChunkingNotAdvertised));

    public static string PipeliningNotAdvertised => Say(nameof(PipeliningNotAdvertised));

    public static string PipelineCollecting => Say(nameof(PipelineCollecting));

    public static string ComposeWithoutEhlo => Say(nameof(ComposeWithoutEhlo));

    public static string NoRecipientAccepted => Say(nameof(NoRecipientAccepted));

    public static string SomeRecipientsRefused(int refused, int total, int accepted) => Say(nameof(SomeRecipientsRefused), refused, total, accepted);

    public static string ProfileDocumentation(string profile, string docs) => Say(nameof(ProfileDocumentation), profile, docs);

    private static string Say(string name, params object?[] args) => MessageCatalog.Format(CoreMessages.Language, "Runner." + name, args);
}
