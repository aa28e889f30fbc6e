using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Session;

/// <summary>
/// Decides whether to trust a server certificate and says why, as problem kinds with their values (worded where they
/// are shown: <see cref="TlsProblemWording"/>). Validation is on by default; a CA file adds trust anchors, a pinned
/// certificate trusts exactly one certificate, and "insecure" accepts anything but still reports what was wrong.
/// </summary>
public sealed class TlsCertificateValidator
{
    private readonly string _host;
    private readonly bool _insecure;
    private readonly X509Certificate2? _pinned;
    private readonly X509Certificate2Collection? _extraRoots;
    private readonly string? _caFile;

    public TlsCertificateValidator(string host, bool insecure, X509Certificate2? pinned, string? caFile)
    {
        // A handshake follows: the process store is loaded from here on and must not be narrowed any more.
        TrustStoreNarrowing.MarkStoreInUse();
        _host = host;
        _insecure = insecure;
        _pinned = pinned;
        _caFile = caFile;
        if (caFile is not null)
        {
            // Worded without the flag: the CA file may come from --cafile, /connect, a profile or the connect dialog.
            if (!File.Exists(caFile)) throw new SmtpConnectionException(TlsMessages.CaFileNotFound(caFile));
            _extraRoots = [];
            try
            {
                _extraRoots.ImportFromPemFile(caFile);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                throw new SmtpConnectionException(TlsMessages.CaFileNotPem(caFile, ex.Message), ex);
            }
            if (_extraRoots.Count == 0) throw new SmtpConnectionException(TlsMessages.CaFileEmpty(caFile));
        }
    }

    /// <summary>The last verdict, read after the handshake (or after it failed) to report why.</summary>
    public TlsVerdict? LastVerdict { get; private set; }

    /// <summary>The certificate seen in the last handshake, kept so a rejected one can still be described.</summary>
    public X509Certificate2? LastCertificate { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        LastCertificate = certificate is null ? null : new X509Certificate2(certificate);
        LastVerdict = Judge(LastCertificate, chain, errors);
        return LastVerdict.Accepted;
    }

    internal TlsVerdict Judge(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null) return new TlsVerdict(_insecure, [new TlsProblem(TlsProblemKind.NoCertificate)], _insecure ? TlsTrustBasis.Insecure : TlsTrustBasis.None);

        if (_pinned is not null)
        {
            bool same = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)
                == _pinned.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
            return same
                ? new TlsVerdict(true, [], TlsTrustBasis.PracticePin)
                : new TlsVerdict(_insecure, [new TlsProblem(TlsProblemKind.PinMismatch)], TlsTrustBasis.Pinned);
        }

        var problems = new List<TlsProblem>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) problems.Add(new TlsProblem(TlsProblemKind.NoCertificate));
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) problems.Add(NameMismatch(certificate));

        var basis = TlsTrustBasis.SystemStore;
        bool chainErrors = errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        // A narrowed process store (TrustStoreNarrowing) trusts the first session's --cafile: a chain ending there
        // counts only when this session's own --cafile holds that root too; otherwise judge it as the system would.
        bool narrowed = TrustStoreNarrowing.NarrowedTo is not null;
        if (!chainErrors && narrowed && chain is not null && chain.ChainElements.Count > 0)
        {
            var root = chain.ChainElements[^1].Certificate;
            // When the system holds that root as well, the real store trusted it: "system trust store", as before.
            if (TrustStoreNarrowing.IsFromNarrowedFile(root) && !TrustStoreNarrowing.SystemHolds(root))
            {
                if (_extraRoots is not null && TrustStoreNarrowing.Contains(_extraRoots, root)) basis = TlsTrustBasis.CaFile;
                else chainErrors = true;
            }
        }
        if (chainErrors)
        {
            List<TlsProblem>? customProblems = null;
            if (_extraRoots is not null && TryCustomChain(certificate, chain, out customProblems, out var customRoot) && customProblems.Count == 0)
                // The real store, consulted first, would have verified it already when the system holds that root.
                basis = narrowed && customRoot is not null && TrustStoreNarrowing.SystemHolds(customRoot) ? TlsTrustBasis.SystemStore : TlsTrustBasis.CaFile;
            else if (narrowed && SystemChainProblems(certificate, chain) is { Count: > 0 } systemProblems)
                problems.AddRange(customProblems ?? systemProblems);
            else if (!narrowed)
                problems.AddRange(customProblems ?? DescribeChain(certificate, chain));
            // else: the system roots verify it, as the real store would have in the handshake.
            if (customProblems is { Count: > 0 } && problems.Count > 0) basis = TlsTrustBasis.CaFile;
        }
        string? caFile = basis == TlsTrustBasis.CaFile ? _caFile : null;
        if (problems.Count == 0) return new TlsVerdict(true, [], basis) { CaFile = caFile };
        return _insecure ? new TlsVerdict(true, problems, TlsTrustBasis.Insecure) : new TlsVerdict(false, problems, basis) { CaFile = caFile };
    }

    private bool TryCustomChain(X509Certificate2 certificate, X509Chain? original, out List<TlsProblem> problems, out X509Certificate2? root)
    {
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        AddPresented(custom, certificate, original);
        bool ok = custom.Build(certificate);
        problems = ok ? [] : DescribeChain(certificate, custom);
        root = custom.ChainElements.Count > 0 ? custom.ChainElements[^1].Certificate : null;
        return true;
    }

    /// <summary>The chain against the system roots read by hand (the process store is narrowed to a CA file).</summary>
    private static List<TlsProblem> SystemChainProblems(X509Certificate2 certificate, X509Chain? original)
    {
        var system = TrustStoreNarrowing.System;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(system.Roots);
        chain.ChainPolicy.ExtraStore.AddRange(system.Intermediates);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        AddPresented(chain, certificate, original);
        return chain.Build(certificate) ? [] : DescribeChain(certificate, chain);
    }

    /// <summary>The intermediates the server presented, so a rebuilt chain sees what the handshake's chain saw.</summary>
    private static void AddPresented(X509Chain chain, X509Certificate2 certificate, X509Chain? original)
    {
        // SslStream puts what the server sent into the handshake chain's ExtraStore; its elements may also hold
        // certificates of the (possibly narrowed) process store, which must not leak into another trust decision.
        if (original is null) return;
        foreach (var presented in original.ChainPolicy.ExtraStore)
            if (!presented.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span)) chain.ChainPolicy.ExtraStore.Add(presented);
    }

    private TlsProblem NameMismatch(X509Certificate2 certificate)
    {
        var names = CertificateDescription.SubjectAlternativeNames(certificate);
        string valid = names.Count > 0 ? string.Join(", ", names) : Protocol.ServerText.Neutralize(certificate.Subject);
        return new TlsProblem(TlsProblemKind.NameMismatch) { ValidFor = valid, Host = _host };
    }

    private static List<TlsProblem> DescribeChain(X509Certificate2 certificate, X509Chain? chain)
    {
        var problems = new List<TlsProblem>();
        var statuses = chain?.ChainStatus ?? [];
        if (statuses.Length == 0) problems.Add(new TlsProblem(TlsProblemKind.ChainNotVerified));
        foreach (var status in statuses)
        {
            var problem = status.Status switch
            {
                X509ChainStatusFlags.NotTimeValid => TimeProblem(OutOfTime(certificate, chain)),
                X509ChainStatusFlags.UntrustedRoot => new TlsProblem(TlsProblemKind.UntrustedRoot) { RootSubject = RootSubject(chain!) },
                X509ChainStatusFlags.PartialChain => new TlsProblem(TlsProblemKind.IncompleteChain),
                X509ChainStatusFlags.NotSignatureValid => new TlsProblem(TlsProblemKind.BadSignature),
                X509ChainStatusFlags.Revoked => new TlsProblem(TlsProblemKind.Revoked),
                X509ChainStatusFlags.RevocationStatusUnknown or X509ChainStatusFlags.OfflineRevocation => new TlsProblem(TlsProblemKind.RevocationUnknown),
                X509ChainStatusFlags.NotValidForUsage => new TlsProblem(TlsProblemKind.NotForServerAuthentication),
                _ => new TlsProblem(TlsProblemKind.Other) { Detail = $"{status.Status}: {Protocol.ServerText.Neutralize(status.StatusInformation.Trim())}" },
            };
            if (!problems.Contains(problem)) problems.Add(problem);
        }
        return problems;
    }

    /// <summary>The certificate whose validity the chain found wrong: an intermediate's, when the server's own is in date.</summary>
    private static X509Certificate2 OutOfTime(X509Certificate2 certificate, X509Chain? chain)
    {
        if (chain is null) return certificate;
        foreach (var element in chain.ChainElements)
            if (element.ChainElementStatus.Any(s => s.Status == X509ChainStatusFlags.NotTimeValid)) return element.Certificate;
        return certificate;
    }

    private static TlsProblem TimeProblem(X509Certificate2 certificate) => certificate.NotAfter < DateTime.Now
        ? new TlsProblem(TlsProblemKind.Expired) { When = certificate.NotAfter.ToUniversalTime() }
        : new TlsProblem(TlsProblemKind.NotYetValid) { When = certificate.NotBefore.ToUniversalTime() };

    private static string RootSubject(X509Chain chain) =>
        chain.ChainElements.Count > 0 ? Protocol.ServerText.Neutralize(chain.ChainElements[^1].Certificate.Subject) : "unknown";
}
