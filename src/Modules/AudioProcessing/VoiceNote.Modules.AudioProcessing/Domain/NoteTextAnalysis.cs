using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.AudioProcessing.Domain;

/// <summary>
/// The latest text of one note (not a recording) waiting for, or given, analysis (docs/decisions/0075). One row
/// per note: each new text replaces the last, so only the last of several quick edits is analysed, and
/// <see cref="AnalysedHash"/> remembers what was analysed, so the same text never is twice.
/// </summary>
internal sealed class NoteTextAnalysis : IOwnedByUser
{
    private NoteTextAnalysis()
    {
    }

    public NoteTextAnalysis(Guid noteId, UserId ownerId)
    {
        NoteId = noteId;
        OwnerId = ownerId;
    }

    public Guid NoteId { get; private set; }

    public UserId OwnerId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string? Language { get; private set; }

    /// <summary>SHA-256 of <see cref="Text"/>, as the Notes module computed it.</summary>
    public string TextHash { get; private set; } = string.Empty;

    /// <summary>When the note was recorded or written: relative times in the text count from here.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When the owner wrote the text: an older event arriving late does not replace a newer text.</summary>
    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>The hash of the last text analysed and published.</summary>
    public string? AnalysedHash { get; private set; }

    /// <summary>How many analyses were published for this note.</summary>
    public int Analyses { get; private set; }

    public DateTimeOffset? AnalysedAt { get; private set; }

    /// <summary>Takes a newly written text; false when it is older than the one held (a late event).</summary>
    public bool Write(string text, string? language, string textHash, DateTimeOffset recordedAt, DateTimeOffset writtenAt)
    {
        if (writtenAt < WrittenAt)
        {
            return false;
        }

        Text = text;
        Language = language;
        TextHash = textHash;
        RecordedAt = recordedAt;
        WrittenAt = writtenAt;
        return true;
    }

    public bool IsAnalysed => AnalysedHash == TextHash;

    public void MarkAnalysed(DateTimeOffset now)
    {
        AnalysedHash = TextHash;
        Analyses++;
        AnalysedAt = now;
    }
}
