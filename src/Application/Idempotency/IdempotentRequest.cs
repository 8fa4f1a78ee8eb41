using System.Security.Cryptography;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Idempotency;

/// <summary>
/// A create sent with an <c>Idempotency-Key</c> (ADR 0067): the key names the thing the first request
/// made, and the body's hash tells a retry (the same body) from a mistake (another body, same key).
/// </summary>
public sealed record IdempotentRequest(string Key, string BodyHash)
{
    public const int MaxKeyLength = 200;

    public const int HashLength = 64;

    public static readonly Error KeyReused = new(
        "idempotency.key_reused", "This Idempotency-Key was used for a different request; use a new key for a new one.", ErrorKind.Unprocessable);

    public static readonly Error KeyInvalid = ValidationError.For(
        "Idempotency-Key", $"An Idempotency-Key is 1 to {MaxKeyLength} printable ASCII characters.");

    /// <summary>
    /// Null without a key; a key that is too long or not printable gives <see cref="KeyInvalid"/>. The
    /// body is read only when there is a key: most creates come without one.
    /// </summary>
    public static Result<IdempotentRequest?> From(string? header, Func<byte[]> body)
    {
        var key = header?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return Result<IdempotentRequest?>.Success(null);
        }

        if (key.Length > MaxKeyLength || !key.All(c => c is >= ' ' and <= '~'))
        {
            return KeyInvalid;
        }

        return new IdempotentRequest(key, Convert.ToHexStringLower(SHA256.HashData(body())));
    }

    /// <summary>Whether <paramref name="earlierHash"/> is this request's body again.</summary>
    public bool Repeats(string? earlierHash) => string.Equals(earlierHash, BodyHash, StringComparison.Ordinal);
}
