using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>Picks the analyser for a job. Until the language-model adapter lands, the local rules serve everyone.</summary>
internal sealed class TranscriptAnalyzers(LocalAnalyzer local) : ITranscriptAnalyzers
{
    public Task<ITranscriptAnalyzer> ForOwnerAsync(UserId ownerId, CancellationToken cancellationToken) =>
        Task.FromResult<ITranscriptAnalyzer>(local);
}
