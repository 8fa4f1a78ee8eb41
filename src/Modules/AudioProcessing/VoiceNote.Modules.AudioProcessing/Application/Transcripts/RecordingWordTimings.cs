using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Transcripts;

/// <summary>The stored transcript versions' words (the jsonb column), read for background work by (recording, owner).</summary>
internal sealed class RecordingWordTimings(AudioProcessingDbContext db) : IRecordingWordTimings
{
    public async Task<IReadOnlyList<TimedTranscript>> ForRecordingAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = new UserId(ownerId);
        // No caller in background work: the owner filter is replaced by the explicit owner.
        var versions = await db.Transcripts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Where(t => t.AudioId == audioId && t.OwnerId == owner)
            .OrderByDescending(t => t.Version)
            .ToListAsync(cancellationToken);
        return versions.Select(v => new TimedTranscript(v.Text, TimedWords.Of(v)))
            .Where(t => t.Words.Count > 0)
            .ToList();
    }
}
