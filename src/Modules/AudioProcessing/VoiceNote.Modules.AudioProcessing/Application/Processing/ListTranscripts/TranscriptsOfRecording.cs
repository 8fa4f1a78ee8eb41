using Ardalis.Specification;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.ListTranscripts;

/// <summary>Every transcript version of a recording: what the list counts. The owner filter keeps other users' out.</summary>
internal sealed class TranscriptsOfRecording : Specification<TranscriptVersion>
{
    public TranscriptsOfRecording(Guid audioId) => Query.Where(t => t.AudioId == audioId);
}

/// <summary>
/// One keyset page of a recording's transcript versions, newest first, read only: the versions below the
/// cursor's and one more than the limit. The version number is unique per recording, so it alone is the key.
/// </summary>
internal sealed class TranscriptsOfRecordingPage : Specification<TranscriptVersion>
{
    public TranscriptsOfRecordingPage(Guid audioId, VersionPosition? after, int limit)
    {
        Query.Where(t => t.AudioId == audioId).OrderByDescending(t => t.Version).AsNoTracking();
        if (after is not null)
        {
            Query.Where(t => t.Version < after.Version);
        }

        Query.Take(limit + 1);
    }
}

/// <summary>The position after a transcript version in a list of them, newest first.</summary>
internal sealed record VersionPosition(int Version);

/// <summary>The analyses made of some transcripts of a recording, read only: a transcript shows its latest.</summary>
internal sealed class AnalysesOfTranscripts : Specification<AnalysisVersion>
{
    public AnalysesOfTranscripts(Guid audioId, IReadOnlyCollection<Guid> transcriptIds) =>
        Query.Where(a => a.AudioId == audioId && transcriptIds.Contains(a.TranscriptId)).AsNoTracking();
}
