using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace SmtpConsole.Core.Session;

/// <summary>
/// Where OpenSSL (and so .NET on Linux) looks for the system's trusted certificates: <c>SSL_CERT_FILE</c> and
/// <c>SSL_CERT_DIR</c> when set, OpenSSL's compiled-in defaults otherwise. Also sets them in the native environment,
/// which is the one OpenSSL reads (<see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's copy).
/// </summary>
[SupportedOSPlatform("linux")]
internal static class OpenSslTrustLocations
{
    public const string FileVariable = "SSL_CERT_FILE";
    public const string DirectoryVariable = "SSL_CERT_DIR";

    /// <summary>The directory .NET falls back to when the default directory holds nothing.</summary>
    public const string LastResortDirectory = "/etc/ssl/certs";

    /// <summary>The bundle file OpenSSL reads: <c>SSL_CERT_FILE</c> as the process started, else the compiled-in default.</summary>
    public static string? DefaultFile(string? fromEnvironment) =>
        !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment : CompiledIn(static name => name == "libcrypto.so.3" ? FileV3() : name == "libcrypto.so.1.1" ? FileV11() : 0);

    /// <summary>The directories OpenSSL reads (colon-separated in <c>SSL_CERT_DIR</c>); isDefault when none was set.</summary>
    public static string[] Directories(string? fromEnvironment, out bool isDefault)
    {
        isDefault = fromEnvironment is null;
        string? value = fromEnvironment ?? CompiledIn(static name => name == "libcrypto.so.3" ? DirV3() : name == "libcrypto.so.1.1" ? DirV11() : 0);
        return (value ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Sets a variable in the native environment; false when libc refused.</summary>
    public static bool SetNative(string name, string value) =>
        SetEnv(Encoding.UTF8.GetBytes(name + "\0"), Encoding.UTF8.GetBytes(value + "\0"), 1) == 0;

    /// <summary>Puts a variable back as it was: its old value, or unset.</summary>
    public static void RestoreNative(string name, string? value)
    {
        if (value is null) UnsetEnv(Encoding.UTF8.GetBytes(name + "\0"));
        else SetNative(name, value);
    }

    /// <summary>
    /// OpenSSL's subject name hash of a certificate: the name under which a hashed certificate directory holds it
    /// (<c>HASH.0</c>, <c>HASH.1</c>, …). Null when libcrypto cannot be called.
    /// </summary>
    public static string? SubjectHashName(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        nint x509 = certificate.Handle; // an OpenSSL X509* on Linux
        foreach (string library in (string[])["libcrypto.so.3", "libcrypto.so.1.1"])
        {
            try
            {
                ulong hash = library == "libcrypto.so.3" ? SubjectHashV3(x509) : SubjectHashV11(x509);
                GC.KeepAlive(certificate);
                return ((uint)hash).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Try the next version.
            }
        }
        return null;
    }

    private static string? CompiledIn(Func<string, nint> query)
    {
        // The same library versions .NET's OpenSSL shim loads; the first one present answers.
        foreach (string library in (string[])["libcrypto.so.3", "libcrypto.so.1.1"])
        {
            try
            {
                nint text = query(library);
                if (text != 0) return Marshal.PtrToStringUTF8(text);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Try the next version.
            }
        }
        return null;
    }

#pragma warning disable SYSLIB1054 // Plain DllImport: blittable arguments only, no generated marshalling (no unsafe code in this assembly).
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(byte[] name, byte[] value, int overwrite);

    [DllImport("libc", EntryPoint = "unsetenv")]
    private static extern int UnsetEnv(byte[] name);

    [DllImport("libcrypto.so.3", EntryPoint = "X509_subject_name_hash")]
    private static extern ulong SubjectHashV3(nint x509);

    [DllImport("libcrypto.so.1.1", EntryPoint = "X509_subject_name_hash")]
    private static extern ulong SubjectHashV11(nint x509);

    [DllImport("libcrypto.so.3", EntryPoint = "X509_get_default_cert_file")]
    private static extern nint FileV3();

    [DllImport("libcrypto.so.3", EntryPoint = "X509_get_default_cert_dir")]
    private static extern nint DirV3();

    [DllImport("libcrypto.so.1.1", EntryPoint = "X509_get_default_cert_file")]
    private static extern nint FileV11();

    [DllImport("libcrypto.so.1.1", EntryPoint = "X509_get_default_cert_dir")]
    private static extern nint DirV11();
#pragma warning restore SYSLIB1054
}
