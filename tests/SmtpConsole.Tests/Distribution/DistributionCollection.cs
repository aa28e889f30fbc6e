namespace SmtpConsole.Tests.Distribution;

/// <summary>Packing and publishing rebuild the same projects; one at a time, so they never write the same files at once.</summary>
[CollectionDefinition(Name)]
public sealed class DistributionCollection
{
    public const string Name = "Distribution";
}
