namespace VoiceNote.Modules.AudioProcessing.Application.Processing.AnalyseNoteText;

/// <summary>What an analysis job of a note's text carries: the note, its owner and the text (by hash) it was queued for.</summary>
internal sealed record AnalyseNoteTextPayload(Guid NoteId, Guid OwnerId, string TextHash);

/// <summary>The "note.analyse" job: the analyse stage of the pipeline, on a note's text (docs/decisions/0075).</summary>
internal static class AnalyseNoteText
{
    public const string Kind = "note.analyse";

    /// <summary>As a recording's: a language model's bursts of failures are ridden out, then AUTO falls back to the local rules.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The longest text analysed (a transcript's limit in Notes); the rest of a longer note is left out.</summary>
    public const int MaxCharacters = 100_000;
}
