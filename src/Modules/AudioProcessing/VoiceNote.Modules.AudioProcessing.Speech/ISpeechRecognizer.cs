using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>What one call to an engine accepts; longer audio must be split (<see cref="IAudioSplitter"/>) first.</summary>
internal sealed record SpeechEngineLimits(TimeSpan MaxDuration, long MaxBytes)
{
    public bool Allows(long pcmBytes) => pcmBytes <= MaxBytes && PcmFormat.DurationOf(pcmBytes) <= MaxDuration;
}

/// <summary>One recognised word on the recording's clock; <see cref="Confidence"/> is a posterior in [0, 1].</summary>
internal sealed record RecognizedWord(string Text, double Start, double End, double Confidence);

/// <summary>An engine's answer: the text, its words with timings, and which engine and language produced it.</summary>
internal sealed record RecognizedSpeech(string Text, IReadOnlyList<RecognizedWord> Words, TimeSpan AudioDuration, string Engine, string Language);

/// <summary>A speech-to-text engine (offline PocketSphinx by default; remote adapters with a user's key).</summary>
internal interface ISpeechRecognizer
{
    /// <summary>Stable engine name kept with every transcript version (e.g. <c>local</c>).</summary>
    string Engine { get; }

    /// <summary>The language it recognises (BCP 47, e.g. <c>en</c>).</summary>
    string Language { get; }

    SpeechEngineLimits Limits { get; }

    /// <summary>Recognises a <see cref="PcmFormat"/> file.</summary>
    Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recognises a <see cref="PcmFormat"/> file, telling <paramref name="recognised"/> how much of it, from its
    /// start, is recognised so far, as often as the engine knows (possibly from its own thread). An engine that
    /// answers in one call does not call it: the caller counts the file done when the answer comes.
    /// </summary>
    Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, Action<TimeSpan>? recognised, CancellationToken cancellationToken) =>
        RecognizeAsync(pcmPath, cancellationToken);

    /// <summary>Recognises <see cref="PcmFormat"/> samples read from <paramref name="pcm"/> to its end (not disposed).</summary>
    Task<Result<RecognizedSpeech>> RecognizeAsync(Stream pcm, CancellationToken cancellationToken = default);
}
