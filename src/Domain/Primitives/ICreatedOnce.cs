namespace VoiceNote.Domain.Primitives;

/// <summary>
/// A row a create may have made under an Idempotency-Key (ADR 0067): the key and the hash of the
/// request's body live on the row itself, under a unique index on (owner, key), so the key and what it
/// made are written in one transaction and there is nothing separate to clean up.
/// </summary>
public interface ICreatedOnce
{
    string? IdempotencyKey { get; }

    string? IdempotencyHash { get; }

    void RememberCreate(string idempotencyKey, string bodyHash);
}
