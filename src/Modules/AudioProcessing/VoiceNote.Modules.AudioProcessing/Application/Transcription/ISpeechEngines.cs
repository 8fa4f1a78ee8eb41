using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Application.Transcription;

/// <summary>Which recogniser a recording asks for. Auto takes the best one the owner has a key for, else the local one.</summary>
internal enum SpeechEngineChoice
{
    Auto = 0,
    Local,
    OpenAi,
    Groq,
    OpenAiCompatible,
    Deepgram,
}

/// <summary>Finds the recogniser for one owner's job, with that owner's key when it is a remote one.</summary>
internal interface ISpeechEngines
{
    /// <summary>
    /// The recogniser for <paramref name="choice"/>; an error (code <c>engine.no_key</c>) when a remote
    /// engine was chosen explicitly and the owner stored no key for it.
    /// </summary>
    Task<Result<ISpeechRecognizer>> ForOwnerAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken);
}
