using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Analysis;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>Finds the analyser for one owner's job: a language model when the owner brought a key for one, else the local rules.</summary>
internal interface ITextAnalysers
{
    Task<ITextAnalyser> ForOwnerAsync(UserId ownerId, CancellationToken cancellationToken);
}
