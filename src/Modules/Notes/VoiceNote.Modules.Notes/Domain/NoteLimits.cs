namespace VoiceNote.Modules.Notes.Domain;

/// <summary>The bounds every note and task field is held to, wherever it is written from.</summary>
internal static class NoteLimits
{
    public const int TitleLength = 500;
    public const int SummaryLength = 20_000;
    public const int TranscriptLength = 200_000;
    public const int LanguageLength = 16;
    public const int UrlLength = 2048;
    public const int UrlCount = 20;
    public const int KeyMomentCount = 200;
    public const int KeyMomentDescriptionLength = 500;
    public const int ProcessingOptionsBytes = 8 * 1024;
    public const int ModerationNoteLength = 1000;
    public const int TaskDescriptionLength = 2000;
    public const int TasksPerNote = 500;
    public const int AssignedEntityCount = 20;
    public const int AssigneeNameLength = 200;
    public const int AssigneeContactLength = 320;
    public const int AssigneeChannelLength = 32;
    public const int SourceKeyLength = 64;
}
