using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmtpConsole.Core.Session;

/// <summary>
/// The system's trusted certificates read by hand from OpenSSL's locations, the way .NET's own store reads them:
/// the bundle file, then every file of each directory (the default one falling back to /etc/ssl/certs when empty);
/// self-signed certificates are roots, the others intermediates. Duplicates (the bundle and the hashed directory
/// usually hold the same certificates) are dropped by their bytes. Reading the files and decoding the PEM is cheap;
/// parsing ~150 certificates is not, so that waits until a chain is actually built against them.
/// </summary>
internal sealed class SystemCertificates
{
    private readonly List<byte[]> _encoded;
    private X509Certificate2Collection? _roots;
    private X509Certificate2Collection? _intermediates;

    private SystemCertificates(List<byte[]> encoded) => _encoded = encoded;

    public X509Certificate2Collection Roots
    {
        get
        {
            Parse();
            return _roots!;
        }
    }

    public X509Certificate2Collection Intermediates
    {
        get
        {
            Parse();
            return _intermediates!;
        }
    }

    /// <summary>True when the system files hold exactly this certificate (compared by its bytes; nothing parsed).</summary>
    public bool Contains(X509Certificate2 certificate)
    {
        var raw = certificate.RawDataMemory.Span;
        foreach (byte[] candidate in _encoded)
            if (candidate.AsSpan().SequenceEqual(raw)) return true;
        return false;
    }

    private void Parse()
    {
        if (_roots is not null) return;
        var roots = new X509Certificate2Collection();
        var intermediates = new X509Certificate2Collection();
        foreach (byte[] der in _encoded)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(der);
            }
            catch (CryptographicException)
            {
                continue; // .NET's own store skips what it cannot read, too.
            }
            if (string.Equals(certificate.Subject, certificate.Issuer, StringComparison.Ordinal)) roots.Add(certificate);
            else intermediates.Add(certificate);
        }
        _intermediates = intermediates;
        _roots = roots;
    }

    /// <summary>
    /// Whether the system files hold <paramref name="root"/>, cheaply: the bundle file, and in each directory only
    /// the entries OpenSSL itself would look at for that subject (<c>HASH.0</c>, <c>HASH.1</c>, … as written by
    /// <c>openssl rehash</c> / update-ca-certificates), instead of reading all ~300 entries.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public static bool Holds(X509Certificate2 root, string? fileVariable, string? directoryVariable)
    {
        if (OpenSslTrustLocations.SubjectHashName(root) is not { } hash) return Load(fileVariable, directoryVariable).Contains(root);
        var raw = root.RawDataMemory;
        if (OpenSslTrustLocations.DefaultFile(fileVariable) is { } file && FileHolds(file, raw)) return true;
        var directories = OpenSslTrustLocations.Directories(directoryVariable, out bool isDefault).ToList();
        if (isDefault) directories.Add(OpenSslTrustLocations.LastResortDirectory);
        foreach (string directory in directories)
        {
            for (int n = 0; ; n++)
            {
                string path = Path.Combine(directory, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{hash}.{n}"));
                if (!File.Exists(path)) break;
                if (FileHolds(path, raw)) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a PEM file holds a "CERTIFICATE" block with exactly these DER bytes. Asked after the handshake of every
    /// narrowed session, on the bundle of ~150 certificates: only a block of the same decoded length is decoded and
    /// compared, instead of decoding every block first.
    /// </summary>
    private static bool FileHolds(string path, ReadOnlyMemory<byte> der) =>
        AnyCertificateBlock(path, der.Length, block => block.AsSpan().SequenceEqual(der.Span));

    /// <summary>The DER bytes of every "CERTIFICATE" PEM block of a file; empty when it cannot be read.</summary>
    private static List<byte[]> Decode(string path)
    {
        var certificates = new List<byte[]>();
        AnyCertificateBlock(path, decodedLength: null, der =>
        {
            certificates.Add(der);
            return false;
        });
        return certificates;
    }

    /// <summary>
    /// Hands the DER bytes of each "CERTIFICATE" PEM block of a file to <paramref name="stop"/> until it returns true
    /// (then true). With <paramref name="decodedLength"/>, blocks of another length are skipped without decoding. A
    /// file that cannot be read holds nothing.
    /// </summary>
    private static bool AnyCertificateBlock(string path, int? decodedLength, Func<byte[], bool> stop)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        ReadOnlySpan<byte> rest = data;
        while (PemEncoding.TryFindUtf8(rest, out var fields))
        {
            // Only "CERTIFICATE": .NET skips OpenSSL's "TRUSTED CERTIFICATE" variants as well.
            if ((decodedLength is null || fields.DecodedDataLength == decodedLength) && rest[fields.Label].SequenceEqual("CERTIFICATE"u8))
            {
                byte[]? der = null;
                try
                {
                    der = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(rest[fields.Base64Data]));
                }
                catch (FormatException)
                {
                    // Not a certificate .NET would read either.
                }
                if (der is not null && stop(der)) return true;
            }
            rest = rest[fields.Location.End..];
        }
        return false;
    }

    [SupportedOSPlatform("linux")]
    public static SystemCertificates Load(string? fileVariable, string? directoryVariable)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var read = new Dictionary<string, bool>(StringComparer.Ordinal); // real path → held a certificate
        var encoded = new List<byte[]>();
        if (OpenSslTrustLocations.DefaultFile(fileVariable) is { } file) ReadFile(file);
        string[] directories = OpenSslTrustLocations.Directories(directoryVariable, out bool isDefault);
        bool any = false;
        foreach (string directory in directories) any |= ReadDirectory(directory);
        if (!any && isDefault) ReadDirectory(OpenSslTrustLocations.LastResortDirectory);
        return new SystemCertificates(encoded);

        bool ReadDirectory(string directory)
        {
            if (!Directory.Exists(directory)) return false;
            bool found = false;
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(directory).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
            foreach (string path in files) found |= ReadFile(path);
            return found;
        }

        bool ReadFile(string path)
        {
            // The hashed directory is mostly links to the same files (twice over): each real file is read once.
            string real;
            try
            {
                real = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
            }
            catch (IOException)
            {
                real = path;
            }
            if (read.TryGetValue(real, out bool before)) return before;
            return read[real] = ReadPem(real);
        }

        bool ReadPem(string path)
        {
            var found = Decode(path);
            foreach (byte[] der in found)
                if (seen.Add(Convert.ToBase64String(der))) encoded.Add(der);
            return found.Count > 0;
        }
    }
}
