using System.Text;
using System.Text.Json;

namespace VoiceNote.Benchmarks;

/// <summary>An access token's claims, read from the JWT payload without checking it (the API does that; the bench only needs ids).</summary>
internal static class AccessTokenClaims
{
    public static JsonElement Read(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"The access token is not a signed JWT ({parts.Length} parts); its claims cannot be read.");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.Clone();
    }
}
