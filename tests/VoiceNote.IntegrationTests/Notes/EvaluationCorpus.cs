using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// The hand-written evaluation data in tests/evaluation/search (written without looking at the code; see
/// its README). Read as it is, never edited.
/// </summary>
internal static class EvaluationCorpus
{
    public sealed record CorpusNote(string Id, string Title, string Text);

    public sealed record Query(string Text, string Expected);

    public sealed record LongTranscript(string Text, int FirstWord, int LastWord, IReadOnlyList<string> Queries);

    public static IReadOnlyList<CorpusNote> Notes() =>
        Read("notes.json").EnumerateArray()
            .Select(n => new CorpusNote(n.GetProperty("id").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("text").GetString()!)).ToList();

    public static IReadOnlyList<Query> Queries() =>
        Read("queries.json").EnumerateArray().Select(q => new Query(q.GetProperty("query").GetString()!, q.GetProperty("expected").GetString()!)).ToList();

    public static LongTranscript Long()
    {
        var root = Read("long-transcript.json");
        var target = root.GetProperty("target");
        return new LongTranscript(
            root.GetProperty("text").GetString()!, target.GetProperty("firstWord").GetInt32(), target.GetProperty("lastWord").GetInt32(),
            root.GetProperty("queries").EnumerateArray().Select(q => q.GetString()!).ToList());
    }

    private static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "evaluation", "search", file))).RootElement;
}
