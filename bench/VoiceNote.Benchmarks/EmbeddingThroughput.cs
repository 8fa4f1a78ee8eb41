using System.Diagnostics;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Embeddings;

namespace VoiceNote.Benchmarks;

/// <summary>
/// Notes a second through the product's local sentence model (LocalSentenceEmbeddingGenerator, its queue
/// and batching, default options), in this process: realistic note texts (title, summary and transcript of
/// NoteTextGenerator, as the seeder writes them), one note a call and all notes in one call (batches of 16).
/// </summary>
internal static class EmbeddingThroughput
{
    public static async Task<IReadOnlyList<string>> RunAsync(int notes)
    {
        var generator = new LocalSentenceEmbeddingGenerator(Options.Create(new EmbeddingOptions()));
        var texts = new NoteTextGenerator(seed: 11).Take(notes);
        var load = Stopwatch.StartNew();
        await generator.GenerateAsync("warm up: load the model", null, CancellationToken.None);
        load.Stop();

        var oneByOne = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            await generator.GenerateAsync(text, null, CancellationToken.None);
        }

        oneByOne.Stop();
        var batched = Stopwatch.StartNew();
        await generator.GenerateManyAsync(texts, null, CancellationToken.None);
        batched.Stop();

        var words = texts.Average(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        return
        [
            FormattableString.Invariant($"Embedding throughput of `{generator.Model}` ({generator.Dimensions} d) in the benchmark process, {notes} notes of {words:F0} words on average (model load and first text: {load.Elapsed.TotalSeconds:F1} s):"),
            string.Empty,
            "| embedding | notes/s | ms a note |",
            "|---|---|---|",
            FormattableString.Invariant($"| one note a call | {notes / oneByOne.Elapsed.TotalSeconds:F1} | {oneByOne.Elapsed.TotalMilliseconds / notes:F1} |"),
            FormattableString.Invariant($"| all notes in one call (batches of {new LocalEmbeddingOptions().BatchSize}) | {notes / batched.Elapsed.TotalSeconds:F1} | {batched.Elapsed.TotalMilliseconds / notes:F1} |"),
        ];
    }
}
