using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Engines;
using VoiceNote.Modules.AudioProcessing.Application.Transcription;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Speech;

/// <summary>Picks the recogniser for a job. Until the remote adapters land, only the offline engine exists.</summary>
internal sealed class SpeechEngines(PocketSphinxRecognizer local) : ISpeechEngines
{
    public Task<Result<ISpeechRecognizer>> ForOwnerAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken) =>
        Task.FromResult<Result<ISpeechRecognizer>>(choice is SpeechEngineChoice.Auto or SpeechEngineChoice.Local
            ? local
            : EngineFailures.NoKey(choice.ToString()));
}
