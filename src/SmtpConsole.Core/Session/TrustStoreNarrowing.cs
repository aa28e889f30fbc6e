using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.Core.Session;

/// <summary>
/// Makes <c>--cafile</c> cheap on Linux. The first certificate chain a .NET process builds loads and parses the whole
/// system trust store (~290 certificates, most of a STARTTLS session's CPU), whatever the chain's trust mode. When a
/// session gives a CA file, the process's OpenSSL trust locations are pointed at that file alone before anything
/// touches the store, so the handshake's chain is built against it; <see cref="TlsCertificateValidator"/> keeps
/// <c>--cafile</c> additive by building a second chain against the real system roots, read here by hand and once,
/// only when the narrowed chain does not verify the certificate.
/// </summary>
public static class TrustStoreNarrowing
{
    private static readonly Lock Gate = new();
    private static bool s_storeMayBeLoaded;
    private static string? s_narrowedTo;
    private static X509Certificate2Collection s_narrowedCertificates = [];
    private static string? s_originalFile;
    private static string? s_originalDirectories;
    private static SystemCertificates? s_system;
    private static readonly Dictionary<string, bool> SystemHoldsCache = new(StringComparer.Ordinal);

    /// <summary>The CA file the process trust store was narrowed to, or null when it is the system's.</summary>
    public static string? NarrowedTo
    {
        get
        {
            lock (Gate) return s_narrowedTo;
        }
    }

    /// <summary>
    /// Points the process trust store at <paramref name="caFile"/> (Linux/OpenSSL only). Does nothing, and returns
    /// false, on other systems, when the store may already be loaded (narrowing then would change nothing and
    /// leave the verdicts inconsistent), when it was narrowed before, or when the file holds no certificate.
    /// </summary>
    public static bool TryNarrowTo(string caFile)
    {
        if (!OperatingSystem.IsLinux()) return false;
        lock (Gate)
        {
            if (s_storeMayBeLoaded || s_narrowedTo is not null) return false;
            var certificates = new X509Certificate2Collection();
            try
            {
                certificates.ImportFromPemFile(caFile);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                return false; // The validator reports the bad file in its own words.
            }
            if (certificates.Count == 0) return false;

            string? file = Environment.GetEnvironmentVariable(OpenSslTrustLocations.FileVariable);
            string? directories = Environment.GetEnvironmentVariable(OpenSslTrustLocations.DirectoryVariable);
            // An empty SSL_CERT_DIR is "set, no directory": .NET then neither reads the default directory nor falls back.
            if (!OpenSslTrustLocations.SetNative(OpenSslTrustLocations.FileVariable, Path.GetFullPath(caFile))) return false;
            if (!OpenSslTrustLocations.SetNative(OpenSslTrustLocations.DirectoryVariable, ""))
            {
                OpenSslTrustLocations.RestoreNative(OpenSslTrustLocations.FileVariable, file);
                return false;
            }
            s_originalFile = file;
            s_originalDirectories = directories;
            s_narrowedCertificates = certificates;
            s_narrowedTo = caFile;
            return true;
        }
    }

    /// <summary>
    /// Called before anything in this process may build a chain or open a certificate store (a handshake, the
    /// built-in practice server's certificate context): from then on the store is never narrowed.
    /// </summary>
    public static void MarkStoreInUse()
    {
        lock (Gate) s_storeMayBeLoaded = true;
    }

    /// <summary>True when the process store was narrowed and <paramref name="certificate"/> is one of the narrowed file's.</summary>
    internal static bool IsFromNarrowedFile(X509Certificate2 certificate)
    {
        lock (Gate) return s_narrowedTo is not null && Contains(s_narrowedCertificates, certificate);
    }

    /// <summary>The system's roots and intermediates as OpenSSL would have read them before the narrowing; loaded once.</summary>
    internal static SystemCertificates System
    {
        get
        {
            lock (Gate)
            {
                if (!OperatingSystem.IsLinux() || s_narrowedTo is null) throw new InvalidOperationException("the trust store was not narrowed");
                return s_system ??= SystemCertificates.Load(s_originalFile, s_originalDirectories);
            }
        }
    }

    /// <summary>Whether the system files (before the narrowing) hold <paramref name="root"/>; cheap, remembered per root.</summary>
    internal static bool SystemHolds(X509Certificate2 root)
    {
        string key = root.Thumbprint;
        lock (Gate)
        {
            if (!OperatingSystem.IsLinux() || s_narrowedTo is null) throw new InvalidOperationException("the trust store was not narrowed");
            if (!SystemHoldsCache.TryGetValue(key, out bool holds))
                SystemHoldsCache[key] = holds = SystemCertificates.Holds(root, s_originalFile, s_originalDirectories);
            return holds;
        }
    }

    internal static bool Contains(X509Certificate2Collection collection, X509Certificate2 certificate)
    {
        foreach (var candidate in collection)
            if (candidate.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span)) return true;
        return false;
    }
}
