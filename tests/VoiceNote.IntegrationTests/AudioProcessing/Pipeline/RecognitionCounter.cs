using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// Counts the recognitions a test host really runs — the work itself, not the rows it leaves — and how many
/// ran at once, so a test sees a job run twice even when unique keys would have kept only one result. The
/// first recognition after <see cref="Reset"/> can be held (cancellably) before it starts recognising, to keep
/// a job in its transcription while the test does something to it.
/// </summary>
internal sealed class RecognitionCounter
{
    private readonly Lock _gate = new();
    private int _running;
    private TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Recognitions started since the last reset.</summary>
    public int Started { get; private set; }

    /// <summary>The most that ran at once since the last reset.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>Recognitions that ended by cancellation since the last reset.</summary>
    public int Cancelled { get; private set; }

    /// <summary>How long the first recognition waits before it recognises.</summary>
    public TimeSpan HoldFirst { get; private set; }

    /// <summary>Completes when the first recognition after the reset has started (and is being held).</summary>
    public Task FirstStarted => _firstStarted.Task;

    /// <summary>Adds the counter to a test host: every recogniser a job gets is counted.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.TryAddScoped<SpeechEngines>();
        services.Replace(ServiceDescriptor.Scoped<ISpeechEngines>(provider => new CountingEngines(provider.GetRequiredService<SpeechEngines>(), this)));
    }

    public void Reset(TimeSpan holdFirst)
    {
        lock (_gate)
        {
            Started = MostAtOnce = Cancelled = 0;
            HoldFirst = holdFirst;
            _firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private async Task<Result<RecognizedSpeech>> CountAsync(Func<Task<Result<RecognizedSpeech>>> recognise, CancellationToken cancellationToken)
    {
        bool first;
        TaskCompletionSource started;
        lock (_gate)
        {
            first = ++Started == 1;
            MostAtOnce = Math.Max(MostAtOnce, ++_running);
            started = _firstStarted;
        }

        try
        {
            if (first)
            {
                started.TrySetResult();
                await Task.Delay(HoldFirst, cancellationToken);
            }

            return await recognise();
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                Cancelled++;
            }

            throw;
        }
        finally
        {
            lock (_gate)
            {
                _running--;
            }
        }
    }

    private sealed class CountingEngines(ISpeechEngines inner, RecognitionCounter counter) : ISpeechEngines
    {
        /// <summary>One instance, as the real one: the pipeline tells the offline engine by reference.</summary>
        public ISpeechRecognizer Local { get; } = new CountingRecognizer(inner.Local, counter);

        public async Task<Result<ISpeechRecognizer>> ForOwnerAsync(UserId ownerId, SpeechEngineChoice choice, CancellationToken cancellationToken)
        {
            var engine = await inner.ForOwnerAsync(ownerId, choice, cancellationToken);
            if (engine.IsFailure)
            {
                return engine;
            }

            return engine.Value == inner.Local ? Result<ISpeechRecognizer>.Success(Local) : Result<ISpeechRecognizer>.Success(new CountingRecognizer(engine.Value, counter));
        }
    }

    private sealed class CountingRecognizer(ISpeechRecognizer inner, RecognitionCounter counter) : ISpeechRecognizer
    {
        public string Engine => inner.Engine;

        public string Language => inner.Language;

        public SpeechEngineLimits Limits => inner.Limits;

        public Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, CancellationToken cancellationToken = default) =>
            counter.CountAsync(() => inner.RecognizeAsync(pcmPath, cancellationToken), cancellationToken);

        public Task<Result<RecognizedSpeech>> RecognizeAsync(string pcmPath, Action<TimeSpan>? recognised, CancellationToken cancellationToken) =>
            counter.CountAsync(() => inner.RecognizeAsync(pcmPath, recognised, cancellationToken), cancellationToken);

        public Task<Result<RecognizedSpeech>> RecognizeAsync(Stream pcm, CancellationToken cancellationToken = default) =>
            counter.CountAsync(() => inner.RecognizeAsync(pcm, cancellationToken), cancellationToken);
    }
}
