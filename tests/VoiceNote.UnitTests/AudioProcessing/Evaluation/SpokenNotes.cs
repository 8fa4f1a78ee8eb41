using System.Globalization;
using System.Text.Json;

namespace VoiceNote.UnitTests.AudioProcessing.Evaluation;

/// <summary>One task a person expects from a spoken note (tests/evaluation/spoken-notes/README.md).</summary>
internal sealed record ExpectedTask(string Action, string Kind, DateOnly? Due, TimeOnly? DueTime, string Priority, string? Assignee, string? Recipient);

/// <summary>One spoken note of the evaluation table: what was said, when and where, and what a person expects from it.</summary>
internal sealed record SpokenNote(string Id, DateTimeOffset RecordedAt, string TimeZone, string Text, string NotePriority, IReadOnlyList<ExpectedTask> Tasks);

/// <summary>
/// Reads the evaluation table. The table is written apart from the code, so the reader is lenient
/// about shape (a top-level array or an object holding one) and strict about meaning.
/// </summary>
internal static class SpokenNotes
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "evaluation", "spoken-notes");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/evaluation/spoken-notes not found above the test directory.");
    }

    public static IReadOnlyList<SpokenNote> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), file)));
        var root = document.RootElement;
        var notes = root.ValueKind == JsonValueKind.Array
            ? root
            : root.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        return notes.EnumerateArray().Select(Note).ToList();
    }

    private static SpokenNote Note(JsonElement e)
    {
        var zone = Text(e, "timeZone") ?? "UTC";
        return new SpokenNote(
            Text(e, "id") ?? "?",
            Moment(Text(e, "recordedAt")!, zone),
            zone,
            Text(e, "text") ?? string.Empty,
            (Text(e, "notePriority") ?? "MEDIUM").ToUpperInvariant(),
            e.TryGetProperty("tasks", out var tasks) && tasks.ValueKind == JsonValueKind.Array ? tasks.EnumerateArray().Select(Task).ToList() : []);
    }

    private static ExpectedTask Task(JsonElement e) => new(
        Text(e, "action") ?? string.Empty,
        (Text(e, "kind") ?? "TASK").ToUpperInvariant(),
        Text(e, "due") is { Length: > 0 } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Text(e, "dueTime") is { Length: > 0 } time ? TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture) : null,
        (Text(e, "priority") ?? "MEDIUM").ToUpperInvariant(),
        Text(e, "assignee"),
        Text(e, "recipient"));

    /// <summary>recordedAt as written: with an offset it is that instant; without, a wall-clock time in the note's zone.</summary>
    private static DateTimeOffset Moment(string text, string zone)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset;
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>A string property; an array of names reads as its first (the table names one person per role).</summary>
    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()).FirstOrDefault(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.ToString(),
        };
    }
}
