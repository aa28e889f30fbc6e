using System.Collections.Concurrent;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>What a SASL server saw and worked out that must never show up in a transcript: wire lines carrying a secret and values derived from it.</summary>
public sealed class SaslCapture
{
    private readonly ConcurrentQueue<string> _secretForms = new();
    private readonly ConcurrentQueue<string> _verdicts = new();

    public IReadOnlyList<string> SecretForms => [.. _secretForms];

    /// <summary>One line per AUTH exchange: "MECH ok" or "MECH failed: why" (assert on it to see why a server refused).</summary>
    public IReadOnlyList<string> Verdicts => [.. _verdicts];

    public void Secret(string form)
    {
        if (!string.IsNullOrEmpty(form)) _secretForms.Enqueue(form);
    }

    public void Verdict(string verdict) => _verdicts.Enqueue(verdict);
}
