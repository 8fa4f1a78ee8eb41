using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Media;

namespace VoiceNote.Modules.AudioProcessing.Speech.PocketSphinx;

/// <summary>
/// The offline default engine ("local", English): CMU PocketSphinx through P/Invoke, no network, no key.
/// Decoders are pooled (one per processor by default, loaded on first need and kept): a decoder holds the
/// model and is not thread-safe. Audio is read once, as utterances cut in pauses (ADR 0036), each decoded
/// whole, with word timings placed back on the recording's clock.
/// </summary>
internal sealed class PocketSphinxRecognizer : ISpeechRecognizer, IDisposable
{
    public const string EngineName = "local";

    private readonly OfflineSpeechOptions _options;
    private readonly ObjectPool<PocketSphinxDecoder> _decoders;
    private readonly ILogger _logger;

    public PocketSphinxRecognizer(IOptions<OfflineSpeechOptions> options, ILogger<PocketSphinxRecognizer>? logger = null)
    {
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxUtterance, TimeSpan.FromSeconds(1));
        _logger = logger ?? NullLogger<PocketSphinxRecognizer>.Instance;
        _decoders = new ObjectPool<PocketSphinxDecoder>(_options.EffectivePoolSize, () => PocketSphinxDecoder.Load(_options));
        Limits = new SpeechEngineLimits(_options.MaxDuration, PcmFormat.BytesFor(_options.MaxDuration));
    }

    public string Engine => EngineName;

    public string Language => "en";

    public SpeechEngineLimits Limits { get; }

    /// <summary>Decoders loaded so far (at most the pool size).</summary>
    internal int LoadedDecoders => _decoders.Created;

    internal int PoolSize => _decoders.Size;

    public Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, CancellationToken cancellationToken = default) =>
        RecognizeAsync(pcmPath, null, cancellationToken);

    /// <summary>Reports the audio recognised after each utterance (from the decoding thread).</summary>
    public async Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, Action<TimeSpan>? recognised, CancellationToken cancellationToken)
    {
        await using var pcm = new FileStream(pcmPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return await RecognizeAsync(pcm, recognised, cancellationToken).ConfigureAwait(false);
    }

    public Task<Result<RecognizedSpeech>> RecognizeAsync(Stream pcm, CancellationToken cancellationToken = default) =>
        RecognizeAsync(pcm, null, cancellationToken);

    private async Task<Result<RecognizedSpeech>> RecognizeAsync(Stream pcm, Action<TimeSpan>? recognised, CancellationToken cancellationToken)
    {
        if (pcm.CanSeek && !Limits.Allows(pcm.Length - pcm.Position))
        {
            return SpeechErrors.AudioTooLong(Limits, Engine);
        }

        using var lease = await _decoders.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Decoding is seconds of native CPU work: a dedicated thread keeps it off the shared thread pool.
            return await Task.Factory.StartNew(
                () => Recognize(lease.Item, pcm, recognised, cancellationToken),
                cancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        catch
        {
            // Stopped mid-utterance (cancelled) or a native failure: do not hand this decoder to anyone else.
            lease.Discard();
            throw;
        }
    }

    public void Dispose() => _decoders.Dispose();

    private Result<RecognizedSpeech> Recognize(PocketSphinxDecoder decoder, Stream pcm, Action<TimeSpan>? recognised, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var maxSamples = (int)(_options.MaxUtterance.TotalSeconds * PcmFormat.SampleRate);
        var words = new List<RecognizedWord>();
        long samples = 0;
        foreach (var utterance in PauseSegmenter.Split(pcm, maxSamples, cancellationToken))
        {
            samples = utterance.OffsetSamples + utterance.SampleCount;
            if (!Limits.Allows(samples * PcmFormat.BytesPerSample))
            {
                return SpeechErrors.AudioTooLong(Limits, Engine);
            }

            if (!PauseFinder.IsSilent(utterance.Samples))
            {
                // (PocketSphinx hears words in digital silence, "it's": a silent one is not decoded.)
                Decode(decoder, utterance.Samples, cancellationToken);
                words.AddRange(decoder.Words(utterance.Offset.TotalSeconds));
            }

            recognised?.Invoke(utterance.Offset + utterance.Duration);
        }

        var duration = TimeSpan.FromSeconds((double)samples / PcmFormat.SampleRate);
        _logger.LogDebug(
            "Recognised {Seconds:0.0} s of audio in {Elapsed} ms ({Words} words)", duration.TotalSeconds, stopwatch.ElapsedMilliseconds, words.Count);
        return new RecognizedSpeech(string.Join(' ', words.Select(w => w.Text)), words, duration, Engine, Language);
    }

    private void Decode(PocketSphinxDecoder decoder, ReadOnlySpan<short> samples, CancellationToken cancellationToken)
    {
        decoder.StartUtterance();
        if (_options.WholeUtterances)
        {
            decoder.Feed(samples, wholeUtterance: true);
        }
        else
        {
            for (var at = 0; at < samples.Length; at += _options.BlockSamples)
            {
                cancellationToken.ThrowIfCancellationRequested();
                decoder.Feed(samples.Slice(at, Math.Min(_options.BlockSamples, samples.Length - at)), wholeUtterance: false);
            }
        }

        decoder.EndUtterance();
    }
}
