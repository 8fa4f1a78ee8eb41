using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Speech;

/// <summary>
/// Feeds a decoded recording to an engine within its declared limits: whole when it fits, otherwise
/// in consecutive headerless PCM chunks cut in pauses, whose words are moved back onto the
/// recording's clock and joined. The first failing chunk fails the whole transcription.
/// </summary>
internal sealed class ChunkedTranscriber(IAudioSplitter splitter)
{
    /// <summary>Chunks are kept this far under the engine's byte limit (room for a WAV header and form fields).</summary>
    private const long EnvelopeBytes = 64 * 1024;

    /// <param name="progress">
    /// Told the fraction of the recording's audio recognised so far (0 to 1, from its start), as often as the
    /// engine knows: within a call when it reports (the local engine, utterance by utterance), otherwise
    /// after each chunk. It may be called from the engine's own thread, and must be quick.
    /// </param>
    public async Task<Result<RecognizedSpeech>> TranscribeAsync(
        ISpeechRecognizer engine, DecodedAudio audio, string workDirectory, Action<double>? progress, CancellationToken cancellationToken)
    {
        var total = audio.Duration.TotalSeconds;
        void Recognised(TimeSpan upTo)
        {
            if (progress is not null && total > 0)
            {
                progress(Math.Clamp(upTo.TotalSeconds / total, 0, 1));
            }
        }

        if (engine.Limits.Allows(audio.Bytes))
        {
            var whole = await engine.RecognizeAsync(audio.Path, progress is null ? null : Recognised, cancellationToken);
            if (whole.IsSuccess)
            {
                progress?.Invoke(1);
            }

            return whole;
        }

        var chunkDirectory = Path.Combine(workDirectory, $"chunks-{engine.Engine}");
        Directory.CreateDirectory(chunkDirectory);
        try
        {
            var chunks = await splitter.SplitAsync(audio.Path, chunkDirectory, MaxChunk(engine.Limits), AudioChunkFormat.RawPcm, cancellationToken);
            var words = new List<RecognizedWord>();
            var texts = new List<string>();
            string? language = null;
            foreach (var chunk in chunks)
            {
                var part = await engine.RecognizeAsync(chunk.Path, progress is null ? null : within => Recognised(chunk.Offset + within), cancellationToken);
                if (part.IsFailure)
                {
                    return part.Error;
                }

                // Engines that detect the language report it per call; the first chunk's answer stands for the recording.
                language ??= part.Value.Language;
                var offset = chunk.Offset.TotalSeconds;
                words.AddRange(part.Value.Words.Select(w => w with { Start = w.Start + offset, End = w.End + offset }));
                if (!string.IsNullOrWhiteSpace(part.Value.Text))
                {
                    texts.Add(part.Value.Text.Trim());
                }

                File.Delete(chunk.Path);
                if (chunk.Index == chunks.Count - 1)
                {
                    progress?.Invoke(1);
                }
                else
                {
                    Recognised(chunk.Offset + chunk.Duration);
                }
            }

            return new RecognizedSpeech(string.Join(' ', texts), words, audio.Duration, engine.Engine, language ?? engine.Language);
        }
        finally
        {
            Directory.Delete(chunkDirectory, recursive: true);
        }
    }

    private static TimeSpan MaxChunk(SpeechEngineLimits limits)
    {
        var byBytes = PcmFormat.DurationOf(Math.Max(PcmFormat.BytesPerSecond, limits.MaxBytes - EnvelopeBytes));
        return byBytes < limits.MaxDuration ? byBytes : limits.MaxDuration;
    }
}
