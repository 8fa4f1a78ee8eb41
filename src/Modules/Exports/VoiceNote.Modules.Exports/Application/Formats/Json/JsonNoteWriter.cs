using System.Text.Encodings.Web;
using System.Text.Json;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Json;

/// <summary>
/// The whole note as JSON for other programs, described by docs/exports/note-export.schema.json (embedded in this
/// assembly as <see cref="SchemaResource"/>): ids, times in UTC as the API writes them (ISO 8601, six fractional
/// digits, 'Z') with the owner's zone by name, every transcript and analysis version, and the current transcript
/// with each word's start and end in milliseconds. Written straight to the output as it goes, flushed every few
/// thousand words, so a long recording's words never exist as a second object graph.
/// </summary>
internal sealed class JsonNoteWriter : INoteWriter
{
    public const string SchemaResource = "VoiceNote.Exports.note-export.schema.json";

    /// <summary>The version of the shape below; it changes when a reader would have to.</summary>
    private const int FormatVersion = 1;

    private const int FlushEveryWords = 4_096;

    private static readonly JsonWriterOptions Options = new()
    {
        // A file, not a web page: non-Latin text stays readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ExportFormat Format => ExportFormat.Json;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var steps = new ProgressSteps(progress, note.Words.Count);
        steps.Start();
        await using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("format_version", FormatVersion);
        json.WriteString("id", note.NoteId);
        json.WriteString("title", note.Title);
        json.WriteString("recorded_at", UtcMicrosecondDates.Write(note.RecordedAt));
        json.WriteString("created_at", UtcMicrosecondDates.Write(note.CreatedAt));
        json.WriteString("updated_at", UtcMicrosecondDates.Write(note.UpdatedAt));
        json.WriteString("time_zone", note.OwnerTimeZone.Id);
        if (note.Duration is { } duration)
        {
            json.WriteNumber("duration_seconds", duration.TotalSeconds);
        }
        else
        {
            json.WriteNull("duration_seconds");
        }

        json.WriteString("priority", note.Priority);
        json.WriteString("sentiment", note.Sentiment);
        json.WriteString("language", note.Language);
        json.WriteString("summary", note.Summary);
        WriteTasks(json, note.Tasks);
        WriteKeyMoments(json, note.KeyMoments);

        json.WriteStartArray("analysis_versions");
        foreach (var analysis in note.AnalysisVersions)
        {
            json.WriteStartObject();
            json.WriteNumber("version", analysis.Version);
            json.WriteString("engine", analysis.Engine);
            json.WriteString("created_at", UtcMicrosecondDates.Write(analysis.CreatedAt));
            json.WriteString("title", analysis.Title);
            json.WriteString("summary", analysis.Summary);
            json.WriteString("sentiment", analysis.Sentiment);
            WriteTasks(json, analysis.Tasks);
            WriteKeyMoments(json, analysis.KeyMoments);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("transcript_versions");
        foreach (var version in note.TranscriptVersions)
        {
            json.WriteStartObject();
            json.WriteNumber("version", version.Version);
            json.WriteString("engine", version.Engine);
            json.WriteString("language", version.Language);
            json.WriteString("created_at", UtcMicrosecondDates.Write(version.CreatedAt));
            json.WriteString("text", version.Text);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();

        json.WriteStartObject("transcript");
        json.WriteString("text", note.Transcript);
        json.WriteStartArray("words");
        for (var i = 0; i < note.Words.Count; i++)
        {
            var word = note.Words[i];
            json.WriteStartObject();
            json.WriteString("text", word.Text);
            json.WriteNumber("start_ms", word.StartMs);
            json.WriteNumber("end_ms", word.EndMs);
            json.WriteEndObject();
            if ((i + 1) % FlushEveryWords == 0)
            {
                await json.FlushAsync(cancellationToken);
                steps.Advance(FlushEveryWords);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        steps.Complete();
    }

    private static void WriteTasks(Utf8JsonWriter json, IReadOnlyList<DocumentTask> tasks)
    {
        json.WriteStartArray("tasks");
        foreach (var task in tasks)
        {
            json.WriteStartObject();
            json.WriteString("description", task.Description);
            json.WriteString("deadline", task.Deadline is { } deadline ? UtcMicrosecondDates.Write(deadline) : null);
            json.WriteString("priority", task.Priority);
            json.WriteBoolean("is_done", task.IsDone);
            json.WriteString("done_at", task.DoneAt is { } doneAt ? UtcMicrosecondDates.Write(doneAt) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteKeyMoments(Utf8JsonWriter json, IReadOnlyList<DocumentKeyMoment> moments)
    {
        json.WriteStartArray("key_moments");
        foreach (var moment in moments)
        {
            json.WriteStartObject();
            json.WriteNumber("at_ms", (long)moment.At.TotalMilliseconds);
            json.WriteString("description", moment.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
