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

    /// <param name="onChunk">Called after each chunk with (chunks done, chunks in all).</param>
    public async Task<Result<RecognizedSpeech>> TranscribeAsync(
        ISpeechRecognizer engine, DecodedAudio audio, string workDirectory, Func<int, int, Task>? onChunk, CancellationToken cancellationToken)
    {
        if (engine.Limits.Allows(audio.Bytes))
        {
            var whole = await engine.RecognizeAsync(audio.Path, cancellationToken);
            if (whole.IsSuccess && onChunk is not null)
            {
                await onChunk(1, 1);
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
                var part = await engine.RecognizeAsync(chunk.Path, cancellationToken);
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
                if (onChunk is not null)
                {
                    await onChunk(chunk.Index + 1, chunks.Count);
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
