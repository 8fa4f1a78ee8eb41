using System.Runtime.CompilerServices;
using Npgsql;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.Modules.Exports.Infrastructure.Backup;

/// <summary>The finished export files a backup copies (ADR 0088); their keys are already relative to the storage root.</summary>
internal sealed class ExportStoredFiles : IStoredFiles
{
    public async IAsyncEnumerable<string> ListAsync(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT storage_key FROM exports.exports WHERE storage_key IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0).Replace('\\', '/');
        }
    }
}
