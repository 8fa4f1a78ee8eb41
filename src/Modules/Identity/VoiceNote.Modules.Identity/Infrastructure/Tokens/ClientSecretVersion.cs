using System.Security.Cryptography;
using System.Text;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// Which secret a partner token was issued with: a short fingerprint of the stored secret hash, carried
/// in the token and compared on every request. Rotating the secret changes the hash, so tokens obtained
/// with the old (perhaps leaked) secret stop at once, without a column for it. The fingerprint is a hash
/// of a hash of 256 random bits: it tells a reader of the token nothing about the secret.
/// </summary>
internal static class ClientSecretVersion
{
    public const string Claim = "client_ver";

    public static string Of(string secretHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("client-secret-version:" + secretHash)))[..16];

    public static bool Matches(string? claimed, string secretHash) =>
        claimed is { Length: 16 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(claimed), Encoding.ASCII.GetBytes(Of(secretHash)));
}
