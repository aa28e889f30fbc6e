using System.Security.Cryptography;
using System.Text;
using Connection = SmtpConsole.Testing.ScriptedSmtpServer.ServerConnection;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>
/// The server side of SCRAM (RFC 5802, RFC 7677) with the RFC's maths, so the client's proof is really checked and
/// the server signature it verifies is real: salted password by PBKDF2, client/server keys by HMAC, proof by XOR.
/// </summary>
public static class ScramServer
{
    private static readonly byte[] Salt = Convert.FromHexString("5a3c1f0e9b8d7c6a5b4e3d2c1b0a9f8e");
    private const int Iterations = 4096;
    private const string ServerNonce = "3rfcNHYJY1ZVvWVs7j";

    /// <summary>Runs one exchange after the AUTH line; returns null on success or why it failed.</summary>
    public static async Task<string?> RunAsync(Connection c, string? initial, HashAlgorithmName hash, string user, string password, SaslCapture capture)
    {
        string? firstLine = initial ?? await SaslServers.PromptAsync(c, string.Empty);
        if (firstLine is null) return "no client-first-message";
        string clientFirst = SaslServers.Decode(firstLine);
        int gs2End = clientFirst.IndexOf(',', clientFirst.IndexOf(',') + 1);
        if (!clientFirst.StartsWith("n,", StringComparison.Ordinal) || gs2End < 0) return "bad GS2 header: " + clientFirst;
        string gs2 = clientFirst[..(gs2End + 1)];
        string clientFirstBare = clientFirst[(gs2End + 1)..];
        var first = Attributes(clientFirstBare);
        if (first.GetValueOrDefault('n') != user) return "wrong user in client-first-message: " + clientFirstBare;
        string nonce = first.GetValueOrDefault('r') + ServerNonce;

        string serverFirst = $"r={nonce},s={Convert.ToBase64String(Salt)},i={Iterations}";
        string? finalLine = await SaslServers.PromptAsync(c, serverFirst);
        if (finalLine is null) return "no client-final-message";
        capture.Secret(finalLine);
        string clientFinal = SaslServers.Decode(finalLine);
        int proofAt = clientFinal.LastIndexOf(",p=", StringComparison.Ordinal);
        if (proofAt < 0) return "no proof: " + clientFinal;
        string withoutProof = clientFinal[..proofAt];
        string proofBase64 = clientFinal[(proofAt + 3)..];
        capture.Secret(proofBase64);
        var final = Attributes(withoutProof);
        if (final.GetValueOrDefault('c') != Convert.ToBase64String(Encoding.ASCII.GetBytes(gs2))) return "bad channel binding: " + withoutProof;
        if (final.GetValueOrDefault('r') != nonce) return "nonce changed";

        int length = HashLength(hash);
        byte[] saltedPassword = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Salt, Iterations, hash, length);
        byte[] clientKey = Hmac(hash, saltedPassword, "Client Key");
        byte[] storedKey = CryptographicOperations.HashData(hash, clientKey);
        byte[] authMessage = Encoding.UTF8.GetBytes(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] clientSignature = CryptographicOperations.HmacData(hash, storedKey, authMessage);
        byte[] proof = Convert.FromBase64String(proofBase64);
        if (proof.Length != clientSignature.Length) return "proof has the wrong length";
        byte[] recoveredClientKey = new byte[proof.Length];
        for (int i = 0; i < proof.Length; i++) recoveredClientKey[i] = (byte)(proof[i] ^ clientSignature[i]);
        if (!CryptographicOperations.FixedTimeEquals(CryptographicOperations.HashData(hash, recoveredClientKey), storedKey)) return "invalid proof";
        capture.Secret(Convert.ToBase64String(clientKey));

        byte[] serverSignature = CryptographicOperations.HmacData(hash, Hmac(hash, saltedPassword, "Server Key"), authMessage);
        string? last = await SaslServers.PromptAsync(c, "v=" + Convert.ToBase64String(serverSignature));
        return last == string.Empty ? null : $"expected an empty response after the server signature, got \"{last}\"";
    }

    private static byte[] Hmac(HashAlgorithmName hash, byte[] key, string text) => CryptographicOperations.HmacData(hash, key, Encoding.UTF8.GetBytes(text));

    private static int HashLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA1 ? 20 : hash == HashAlgorithmName.SHA256 ? 32 : hash == HashAlgorithmName.SHA512 ? 64 : throw new ArgumentOutOfRangeException(nameof(hash));

    private static Dictionary<char, string> Attributes(string message) =>
        message.Split(',').Where(p => p.Length >= 2 && p[1] == '=').GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[2..]);
}
