using System.Runtime.CompilerServices;
using Npgsql;
using VoiceNote.Infrastructure.Storage;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;

/// <summary>
/// The recordings a backup copies (ADR 0088): every row's file, in the trash and the archive too; a recording's
/// key is relative to <c>audio/</c> (<see cref="LocalAudioStorage"/>).
/// </summary>
internal sealed class RecordingFiles : IStoredFiles
{
    public async IAsyncEnumerable<string> ListAsync(NpgsqlConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT storage_key FROM audio.audio_files", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return "audio/" + reader.GetString(0);
        }
    }
}
