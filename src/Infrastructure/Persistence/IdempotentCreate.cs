using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceNote.Application.Idempotency;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.Infrastructure.Persistence;

/// <summary>
/// One create under an optional Idempotency-Key (ADR 0067): an earlier row made with the key answers
/// again (or 422 <c>idempotency.key_reused</c> for another body); otherwise the create runs and is saved
/// here, so that a concurrent retry that won the unique index is answered instead of failing.
/// </summary>
public static class IdempotentCreate
{
    /// <param name="findEarlier">the caller's row made with this key, or null</param>
    /// <param name="create">makes the row and adds it to <paramref name="db"/> (or fails as the use case would)</param>
    /// <param name="answer">what the caller sees of a row, made by this request (true) or an earlier one (false)</param>
    public static async Task<Result<Creation<TAnswer>>> RunAsync<TRow, TAnswer>(
        DbContext db,
        IdempotentRequest? idempotency,
        Func<string, CancellationToken, Task<TRow?>> findEarlier,
        Func<CancellationToken, Task<Result<TRow>>> create,
        Func<TRow, bool, CancellationToken, Task<TAnswer>> answer,
        CancellationToken cancellationToken)
        where TRow : class, ICreatedOnce
    {
        if (idempotency is not null && await AnswerEarlierAsync(idempotency, findEarlier, answer, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var made = await create(cancellationToken);
        if (made.IsFailure)
        {
            return made.Error;
        }

        if (idempotency is null)
        {
            return new Creation<TAnswer>(await answer(made.Value, true, cancellationToken), Created: true);
        }

        made.Value.RememberCreate(idempotency.Key, idempotency.BodyHash);
        try
        {
            // Saved here, not by the unit of work, so that a concurrent retry that won is answered below.
            await db.SaveChangesAsync(cancellationToken);
            return new Creation<TAnswer>(await answer(made.Value, true, cancellationToken), Created: true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
            && unique.ConstraintName?.Contains("idempotency", StringComparison.Ordinal) == true)
        {
            // The failed insert rolled back to its savepoint, so the transaction reads on.
            db.ChangeTracker.Clear();
            return await AnswerEarlierAsync(idempotency, findEarlier, answer, cancellationToken)
                ?? throw new InvalidOperationException("The winning create is not there.", e);
        }
    }

    private static async Task<Result<Creation<TAnswer>>?> AnswerEarlierAsync<TRow, TAnswer>(
        IdempotentRequest idempotency,
        Func<string, CancellationToken, Task<TRow?>> findEarlier,
        Func<TRow, bool, CancellationToken, Task<TAnswer>> answer,
        CancellationToken cancellationToken)
        where TRow : class, ICreatedOnce
    {
        var earlier = await findEarlier(idempotency.Key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return idempotency.Repeats(earlier.IdempotencyHash)
            ? new Creation<TAnswer>(await answer(earlier, false, cancellationToken), Created: false)
            : IdempotentRequest.KeyReused;
    }
}
