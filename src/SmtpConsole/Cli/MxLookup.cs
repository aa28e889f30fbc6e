using DnsClient;

namespace SmtpConsole.Cli;

/// <summary>MX lookups with DnsClient, best (lowest preference) first.</summary>
internal static class MxLookup
{
    public static async Task<IReadOnlyList<string>> LookupAsync(string domain, CancellationToken ct)
    {
        var client = new LookupClient(new LookupClientOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 1, UseCache = true });
        var response = await client.QueryAsync(domain, QueryType.MX, cancellationToken: ct).ConfigureAwait(false);
        if (response.HasError) throw new InvalidOperationException(response.ErrorMessage);
        return response.Answers.MxRecords()
            .OrderBy(mx => mx.Preference)
            .Select(mx => mx.Exchange.Value.TrimEnd('.'))
            .Where(host => host.Length > 0)
            .ToList();
    }
}
