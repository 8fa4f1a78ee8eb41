using Ardalis.Specification;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.ListTranscripts;

/// <summary>Every transcript version of a recording, newest first, read only; the owner filter keeps other users' out.</summary>
internal sealed class TranscriptsOfRecording : Specification<TranscriptVersion>
{
    public TranscriptsOfRecording(Guid audioId) => Query.Where(t => t.AudioId == audioId).OrderByDescending(t => t.Version).AsNoTracking();
}

/// <summary>Every analysis made of a recording's transcripts, read only: a transcript shows its latest.</summary>
internal sealed class AnalysesOfRecording : Specification<AnalysisVersion>
{
    public AnalysesOfRecording(Guid audioId) => Query.Where(a => a.AudioId == audioId).AsNoTracking();
}
