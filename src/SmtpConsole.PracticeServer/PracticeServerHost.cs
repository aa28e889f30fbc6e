using System.Globalization;

namespace SmtpConsole.PracticeServer;

/// <summary>Runs the practice server on its own in the foreground, for <c>smtpconsole practice</c>.</summary>
public static class PracticeServerHost
{
    /// <summary>
    /// Starts the server, prints the banner, the certificate's fingerprint and a PEM file to trust it with, then one
    /// timestamped line per connection, AUTH and message until <paramref name="cancellationToken"/> is cancelled
    /// (the app wires Ctrl+C to it). Returns normally after stopping the server and deleting the PEM file.
    /// </summary>
    /// <param name="options">Server settings; <see cref="PracticeServerOptions.Log"/>, if set, still receives every line too.</param>
    /// <param name="output">Where to print; writes are serialized, so a console writer is fine.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <exception cref="System.Net.Sockets.SocketException">The port is in use or cannot be bound.</exception>
    public static async Task RunForegroundAsync(PracticeServerOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var gate = new Lock();
        void Print(string line)
        {
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }

        var callerLog = options.Log;
        var hostOptions = options.WithLog(line =>
        {
            // Log lines carry client text (HELO names, addresses, AUTH user names); never let it drive the terminal.
            Print(string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:HH:mm:ss} {LogText.Escape(line)}"));
            callerLog?.Invoke(line);
        });

        await using var server = await PracticeSmtpServer.StartAsync(hostOptions, cancellationToken).ConfigureAwait(false);
        var pemDirectory = CertificateFile.CreatePrivateDirectory();
        var pemPath = Path.Combine(pemDirectory.FullName, $"practice-{server.Port.ToString(CultureInfo.InvariantCulture)}.pem");
        try
        {
            CertificateFile.WriteNew(pemPath, PracticeCertificate.ExportPem(server.Certificate));
            foreach (var line in ForegroundLines(server, pemPath))
            {
                Print(line);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the normal way to stop.
            }

            Print("Stopping the practice server...");
            await server.StopAsync().ConfigureAwait(false);
            Print(string.Create(CultureInfo.InvariantCulture, $"Stopped. {server.Inbox.TotalReceived} message(s) were received."));
        }
        finally
        {
            CertificateFile.DeleteDirectory(pemDirectory);
        }
    }

    /// <summary>The text printed at start-up: the banner plus what a separate client needs to connect and trust TLS.</summary>
    internal static IReadOnlyList<string> ForegroundLines(PracticeSmtpServer server, string pemPath)
    {
        var address = server.EndPoint.Address.ToString();
        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var account = server.Accounts.Count > 0 ? server.Accounts[0] : PracticeAccount.Demo;
        var notAfter = server.Certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return
        [
            .. PracticeBanner.Lines(server),
            "",
            $"TLS certificate (self-signed, for this run only, valid until {notAfter}):",
            $"  SHA-256 fingerprint {PracticeCertificate.GetSha256Fingerprint(server.Certificate)}",
            $"  PEM file to trust it: {pemPath}",
            "Connect from another terminal:",
            $"  telnet {address} {port}        (or: nc -C {address} {port})",
            $"  swaks --server {address} --port {port} --tls --tls-verify --tls-ca-path {pemPath} --auth LOGIN --auth-user {account.UserName} --auth-password {account.Password} --from {account.UserName}@{server.HostName} --to friend@{server.HostName}",
            $"  smtpconsole --cafile {pemPath}, then /connect {address} {port} --starttls",
            "Each connection and message is logged below. Press Ctrl+C to stop.",
            "",
        ];
    }
}
