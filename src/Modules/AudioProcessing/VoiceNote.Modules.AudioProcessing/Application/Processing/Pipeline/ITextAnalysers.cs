using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>The analyser of one run, and whether the run chose it explicitly (then it never gives way to the local rules).</summary>
internal sealed record ChosenAnalyser(ITextAnalyser Analyser, bool Explicit);

/// <summary>Finds the analyser for one owner's job: a language model when the owner brought a key for one, else the local rules.</summary>
internal interface ITextAnalysers
{
    /// <summary>The best analyser the owner has a key for (what AUTO means), else the local rules.</summary>
    Task<ITextAnalyser> ForOwnerAsync(UserId ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// The analyser for a run with the engine <paramref name="choice"/> (docs/decisions/0065): LOCAL is the local
    /// rules and never a stored key; OPENAI, GROQ and OPENAI_COMPATIBLE are that provider's language model with the
    /// owner's key (<c>engine.no_key</c> without one); AUTO, and DEEPGRAM (which has no language model), are
    /// <see cref="ForOwnerAsync"/>.
    /// </summary>
    Task<Result<ChosenAnalyser>> ForRunAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken);
}
