using Npgsql;

namespace VoiceNote.Infrastructure.Storage;

/// <summary>
/// A module that keeps files under the storage root lists the ones its rows reference, so a backup copies exactly
/// those (ADR 0088) without reading another module's tables.
/// </summary>
public interface IStoredFiles
{
    /// <summary>
    /// The storage keys the module's rows reference, as paths relative to the storage root with '/' separators,
    /// read on <paramref name="connection"/>: it holds the backup's snapshot, so the list matches the dump.
    /// </summary>
    IAsyncEnumerable<string> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken);
}
