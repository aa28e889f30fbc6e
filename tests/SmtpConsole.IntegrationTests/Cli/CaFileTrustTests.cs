using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>
/// <c>--cafile</c> narrows the process trust store to that file before the first handshake (Linux), and must still
/// judge every certificate exactly as the system store plus the file would: right CA, no CA, wrong CA, a
/// system-trusted certificate with a wrong CA file, --insecure, the expired and wrong-host ports, and several
/// /connects with different CA files in one script. "System-trusted" uses a private SSL_CERT_DIR holding the test
/// CA, given to the child process only; the machine's trust store is never touched.
/// </summary>
[Collection("LocalServers")]
public sealed class CaFileTrustTests(LocalServers servers) : IDisposable
{
    private const string Incomplete = "incomplete chain: the issuer is unknown (the server may not send its intermediate certificates, or it uses a private CA)";
    private readonly string _scratch = Directory.CreateTempSubdirectory("cafile-trust-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task RightCa_StartTls_VerifiedViaCaFile()
    {
        var result = await ReplayAsync("/ehlo client.example.test\nQUIT\n", Submission("--cafile", servers.CaFile));
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal([$"certificate verified (trusted via the CA file {servers.CaFile})"], Verdicts(result));
    }

    [Fact]
    public async Task NoCa_Rejected_IncompleteChain()
    {
        var result = await ReplayAsync("/ehlo client.example.test\nQUIT\n", Submission());
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["rejected: " + Incomplete], Verdicts(result));
        // The engine names the remedy; the command line words it with its flag, under the error.
        var lines = result.StandardOutput.Split('\n').Select(l => l.Trim()).ToList();
        int error = lines.FindIndex(l => l.StartsWith("# error: TLS certificate rejected: ", StringComparison.Ordinal));
        Assert.Equal("#    ↳ pass --cafile FILE with the CA that signed the server's certificate", lines[error + 1]);
    }

    [Fact]
    public async Task WrongCa_Rejected_IncompleteChain()
    {
        var result = await ReplayAsync("/ehlo client.example.test\nQUIT\n", Submission("--cafile", OtherCaFile()));
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["rejected: " + Incomplete], Verdicts(result));
    }

    [Fact]
    public async Task SystemTrustedCertificate_WithWrongCaFile_VerifiedViaSystemStore()
    {
        var result = await ReplayAsync("/ehlo client.example.test\nQUIT\n", Submission("--cafile", OtherCaFile()), SystemTrustingTestCa());
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal(["certificate verified (trusted via system trust store)"], Verdicts(result));
    }

    [Fact]
    public async Task SystemTrustedCa_AlsoGivenAsCaFile_StillSaysSystemStore()
    {
        var result = await ReplayAsync("/ehlo client.example.test\nQUIT\n", Submission("--cafile", servers.CaFile), SystemTrustingTestCa());
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal(["certificate verified (trusted via system trust store)"], Verdicts(result));
    }

    [Fact]
    public async Task Insecure_WithoutCa_AcceptedAndSaysWhy()
    {
        var result = await ReplayAsync("/ehlo client.example.test\nQUIT\n", Submission("--insecure"));
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal(["NOT verified: " + Incomplete], Verdicts(result));
    }

    [Fact]
    public async Task Insecure_WrongHostWithRightCa_OnlyTheNameIsReported()
    {
        var result = await ReplayAsync("QUIT\n", Smtps(servers.Ports.SmtpsWrongHost, "--cafile", servers.CaFile, "--insecure"));
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal([$"NOT verified: host name mismatch: the certificate is for DNS:wrong.example, not \"{servers.Host}\""], Verdicts(result));
    }

    [Fact]
    public async Task ExpiredCertificate_RightCa_OnlyExpiry_NoCa_ExpiryAndChain()
    {
        var withCa = await ReplayAsync("QUIT\n", Smtps(servers.Ports.SmtpsExpired, "--cafile", servers.CaFile));
        Assert.Equal(3, withCa.ExitCode);
        string expired = Assert.Single(Verdicts(withCa));
        Assert.Matches(@"^rejected: the certificate expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC$", expired);

        var withoutCa = await ReplayAsync("QUIT\n", Smtps(servers.Ports.SmtpsExpired));
        Assert.Equal(3, withoutCa.ExitCode);
        Assert.Equal([expired + "; " + Incomplete], Verdicts(withoutCa));
    }

    [Fact]
    public async Task WrongHost_RightCa_NameOnly_WrongCa_NameAndChain()
    {
        string mismatch = $"host name mismatch: the certificate is for DNS:wrong.example, not \"{servers.Host}\"";
        var right = await ReplayAsync("QUIT\n", Smtps(servers.Ports.SmtpsWrongHost, "--cafile", servers.CaFile));
        Assert.Equal(3, right.ExitCode);
        Assert.Equal(["rejected: " + mismatch], Verdicts(right));

        var wrong = await ReplayAsync("QUIT\n", Smtps(servers.Ports.SmtpsWrongHost, "--cafile", OtherCaFile()));
        Assert.Equal(3, wrong.ExitCode);
        Assert.Equal(["rejected: " + mismatch + "; " + Incomplete], Verdicts(wrong));
    }

    [Fact]
    public async Task TwoConnects_TheFirstCaFileIsNotTrustedForASecondConnectWithAnotherCaFile()
    {
        // The process store is narrowed to the first CA file; the second /connect names another one and must not
        // inherit the first's trust.
        string script = $"""
            /connect {servers.Host} {Port(servers.Ports.Smtps)} --tls
            QUIT
            /connect {servers.Host} {Port(servers.Ports.Smtps)} --tls --cafile {OtherCaFile()}
            QUIT
            """;
        var result = await ReplayAsync(script, ["--cafile", servers.CaFile]);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"certificate verified (trusted via the CA file {servers.CaFile})", "rejected: " + Incomplete], Verdicts(result));

        var systemTrusted = await ReplayAsync(script, ["--cafile", servers.CaFile], SystemTrustingTestCa());
        Assert.True(systemTrusted.ExitCode == 0, systemTrusted.StandardOutput);
        Assert.Equal(["certificate verified (trusted via system trust store)", "certificate verified (trusted via system trust store)"], Verdicts(systemTrusted));
    }

    [Fact]
    public async Task TwoConnects_WrongCaFileFirst_RightCaFileSecond_BothJudgedOnTheirOwnFile()
    {
        string script = $"""
            /connect {servers.Host} {Port(servers.Ports.Submission)} --starttls --cafile {OtherCaFile()}
            QUIT
            """;
        var wrong = await ReplayAsync(script, ["--cafile", servers.CaFile]);
        Assert.Equal(3, wrong.ExitCode);
        Assert.Equal(["rejected: " + Incomplete], Verdicts(wrong));

        string both = $"""
            /connect {servers.Host} {Port(servers.Ports.Smtps)} --tls --cafile {servers.CaFile}
            QUIT
            /connect {servers.Host} {Port(servers.Ports.Submission)} --starttls
            /ehlo client.example.test
            QUIT
            """;
        var twice = await ReplayAsync(both, ["--cafile", OtherCaFile()], SystemTrustingTestCa());
        Assert.True(twice.ExitCode == 0, twice.StandardOutput);
        Assert.Equal(["certificate verified (trusted via system trust store)", "certificate verified (trusted via system trust store)"], Verdicts(twice));
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private string[] Submission(params string[] extra) =>
        ["--host", servers.Host, "--port", Port(servers.Ports.Submission), "--starttls", .. extra];

    private string[] Smtps(int port, params string[] extra) => ["--host", servers.Host, "--port", Port(port), "--tls", .. extra];

    private async Task<AppProcess.Result> ReplayAsync(string script, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        string path = Path.Combine(_scratch, $"{Guid.NewGuid():N}.smtp");
        await File.WriteAllTextAsync(path, script);
        return await AppProcess.RunAsync(["replay", path, "--keep-going", .. arguments], environment: environment);
    }

    /// <summary>The certificate verdict lines, shortened to what they claim.</summary>
    private static List<string> Verdicts(AppProcess.Result result) =>
        [.. result.StandardOutput.Split('\n').Select(line => line.Trim()).Select(line =>
            line.StartsWith("# tls: certificate verified", StringComparison.Ordinal) ? line["# tls: ".Length..]
            : line.StartsWith("# error: TLS certificate rejected: ", StringComparison.Ordinal) ? "rejected: " + line["# error: TLS certificate rejected: ".Length..]
            : line.StartsWith("# warn: certificate NOT verified", StringComparison.Ordinal) ? "NOT verified: " + line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..]
            : null).OfType<string>()];

    /// <summary>A CA that signed nothing the servers present.</summary>
    private string OtherCaFile()
    {
        string path = Path.Combine(_scratch, "other-ca.pem");
        if (File.Exists(path)) return path;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Other Test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(path, ca.ExportCertificatePem() + "\n");
        return path;
    }

    /// <summary>
    /// A child environment whose system trust directory holds the test CA, laid out as <c>openssl rehash</c> and
    /// update-ca-certificates do (the file, and a link named by its subject hash); this process and the machine unchanged.
    /// </summary>
    private Dictionary<string, string> SystemTrustingTestCa()
    {
        string directory = Path.Combine(_scratch, "system-certs");
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            string file = Path.Combine(directory, "smtpconsole-test-ca.pem");
            File.Copy(servers.CaFile, file);
            var info = new System.Diagnostics.ProcessStartInfo("openssl", ["x509", "-subject_hash", "-noout", "-in", file]) { RedirectStandardOutput = true };
            using var openssl = System.Diagnostics.Process.Start(info)!;
            string hash = openssl.StandardOutput.ReadToEnd().Trim();
            openssl.WaitForExit();
            Assert.Matches("^[0-9a-f]{8}$", hash);
            File.CreateSymbolicLink(Path.Combine(directory, hash + ".0"), "smtpconsole-test-ca.pem");
        }
        return new Dictionary<string, string> { ["SSL_CERT_DIR"] = directory };
    }
}
