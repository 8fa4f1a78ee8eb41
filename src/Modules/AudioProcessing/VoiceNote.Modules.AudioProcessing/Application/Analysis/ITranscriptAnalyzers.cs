using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>Finds the analyser for one owner's job: a language model when the owner brought a key for one, else the local rules.</summary>
internal interface ITranscriptAnalyzers
{
    Task<ITranscriptAnalyzer> ForOwnerAsync(UserId ownerId, CancellationToken cancellationToken);
}
