namespace VoiceNote.Application.Persistence;

/// <summary>
/// One module's transaction. Each module registers one; the unit-of-work behaviour picks the one that
/// owns the command's assembly, so a command only ever writes to its own module's schema.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>True when the given use case belongs to this unit of work's module.</summary>
    bool Owns(Type requestType);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction; saves and commits when
    /// <paramref name="shouldCommit"/> says so, rolls back otherwise or on an exception.
    /// </summary>
    Task<T> RunAsync<T>(Func<Task<T>> work, Func<T, bool> shouldCommit, CancellationToken cancellationToken);
}
