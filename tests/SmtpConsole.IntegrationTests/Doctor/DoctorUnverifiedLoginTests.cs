using System.Globalization;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Doctor;

/// <summary>
/// Real Postfix behind a certificate for another host name: doctor FAILs the certificate, goes on unverified to
/// check the rest — and logged in there with the real password ("PASS Login authenticated as alice"). It does not
/// try the login over an unverified connection now.
/// </summary>
[Collection("LocalServers")]
public class DoctorUnverifiedLoginTests(LocalServers servers)
{
    [Fact]
    public async Task WrongHostCertificate_LoginNotTried()
    {
        var result = await AppProcess.RunAsync(
            ["doctor", servers.Host, servers.Ports.SmtpsWrongHost.ToString(CultureInfo.InvariantCulture), "--tls", "--cafile", servers.CaFile, "-u", servers.Alice.Name],
            environment: new Dictionary<string, string> { ["SMTPCONSOLE_PASSWORD"] = servers.Alice.Password });

        Assert.Contains("host name mismatch", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("authenticated as", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("not tried: the server's certificate was not verified", result.StandardOutput, StringComparison.Ordinal);
    }
}
