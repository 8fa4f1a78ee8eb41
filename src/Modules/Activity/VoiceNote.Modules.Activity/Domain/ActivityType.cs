namespace VoiceNote.Modules.Activity.Domain;

/// <summary>
/// A row of the activity type table (seed 001 ActivityType). The migration seeds the types below; an operator may
/// add more or retire one (<see cref="IsActive"/> false: kept for the entries that have it).
/// </summary>
internal sealed class ActivityType
{
    public string Code { get; set; } = string.Empty;

    /// <summary>One of <see cref="ActivityCategories"/>: what a list shows it in (the security category is a user's own log).</summary>
    public string Category { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;
}

internal static class ActivityCategories
{
    public const string Security = "SECURITY";
    public const string Admin = "ADMIN";
    public const string Case = "CASE";
    public const string Audio = "AUDIO";
    public const string Export = "EXPORT";
}

/// <summary>The seeded type codes; stored data, so never rename one.</summary>
internal static class ActivityTypes
{
    public const string SignIn = "SIGN_IN";
    public const string SignInFailed = "SIGN_IN_FAILED";
    public const string PasswordChanged = "PASSWORD_CHANGED";
    public const string AccountDeleted = "ACCOUNT_DELETED";
    public const string AccountRestored = "ACCOUNT_RESTORED";
    public const string AdminAction = "ADMIN_ACTION";
    public const string CaseCreated = "CASE_CREATED";
    public const string CaseClosed = "CASE_CLOSED";
    public const string CaseReopened = "CASE_REOPENED";
    public const string ParticipantAdded = "PARTICIPANT_ADDED";
    public const string ParticipantRoleChanged = "PARTICIPANT_ROLE_CHANGED";
    public const string ParticipantRemoved = "PARTICIPANT_REMOVED";
    public const string ParticipantLeft = "PARTICIPANT_LEFT";
    public const string AudioUploaded = "AUDIO_UPLOADED";
    public const string AudioArchived = "AUDIO_ARCHIVED";
    public const string AudioRestored = "AUDIO_RESTORED";
    public const string AudioDeleted = "AUDIO_DELETED";
    public const string TranscriptVersionAdded = "TRANSCRIPT_VERSION_ADDED";
    public const string ExportDownloaded = "EXPORT_DOWNLOADED";
    public const string AnalysisVersionAdded = "ANALYSIS_VERSION_ADDED";
    public const string RecordingAttached = "RECORDING_ATTACHED";
    public const string RecordingDetached = "RECORDING_DETACHED";
    public const string NoteAttached = "NOTE_ATTACHED";
    public const string NoteCreated = "NOTE_CREATED";
    public const string NoteEdited = "NOTE_EDITED";
    public const string NoteDetached = "NOTE_DETACHED";
    public const string CaseDeleted = "CASE_DELETED";
    public const string CaseRestored = "CASE_RESTORED";

    /// <summary>What the migration seeds.</summary>
    public static IReadOnlyList<ActivityType> Seeded { get; } =
    [
        new() { Code = SignIn, Category = ActivityCategories.Security, Description = "Signed in with the password." },
        new() { Code = SignInFailed, Category = ActivityCategories.Security, Description = "A password sign-in failed." },
        new() { Code = PasswordChanged, Category = ActivityCategories.Security, Description = "Changed the password; other sessions ended." },
        new() { Code = AccountDeleted, Category = ActivityCategories.Security, Description = "The account was deleted (restorable for a while)." },
        new() { Code = AccountRestored, Category = ActivityCategories.Security, Description = "The deleted account was restored." },
        new() { Code = AdminAction, Category = ActivityCategories.Admin, Description = "An admin acted on an account." },
        new() { Code = CaseCreated, Category = ActivityCategories.Case, Description = "Opened the case." },
        new() { Code = CaseClosed, Category = ActivityCategories.Case, Description = "Closed the case." },
        new() { Code = CaseReopened, Category = ActivityCategories.Case, Description = "Reopened the case." },
        new() { Code = ParticipantAdded, Category = ActivityCategories.Case, Description = "Added a participant." },
        new() { Code = ParticipantRoleChanged, Category = ActivityCategories.Case, Description = "Changed a participant's role or permissions." },
        new() { Code = ParticipantRemoved, Category = ActivityCategories.Case, Description = "Removed a participant." },
        new() { Code = ParticipantLeft, Category = ActivityCategories.Case, Description = "Left the case." },
        new() { Code = AudioUploaded, Category = ActivityCategories.Audio, Description = "Uploaded a recording." },
        new() { Code = AudioArchived, Category = ActivityCategories.Audio, Description = "Archived a recording." },
        new() { Code = AudioRestored, Category = ActivityCategories.Audio, Description = "Brought a recording back from the archive." },
        new() { Code = AudioDeleted, Category = ActivityCategories.Audio, Description = "Deleted a recording." },
        new() { Code = TranscriptVersionAdded, Category = ActivityCategories.Audio, Description = "A new transcript version was added." },
        new() { Code = ExportDownloaded, Category = ActivityCategories.Export, Description = "Downloaded an export." },
        new() { Code = AnalysisVersionAdded, Category = ActivityCategories.Audio, Description = "A new analysis version was added." },
        new() { Code = RecordingAttached, Category = ActivityCategories.Case, Description = "Attached a recording to the case." },
        new() { Code = RecordingDetached, Category = ActivityCategories.Case, Description = "Detached a recording from the case." },
        new() { Code = NoteAttached, Category = ActivityCategories.Case, Description = "Attached a note to the case." },
        new() { Code = NoteCreated, Category = ActivityCategories.Case, Description = "Wrote a note in the case." },
        new() { Code = NoteEdited, Category = ActivityCategories.Case, Description = "Edited a note of the case." },
        new() { Code = NoteDetached, Category = ActivityCategories.Case, Description = "Detached a note from the case." },
        new() { Code = CaseDeleted, Category = ActivityCategories.Case, Description = "Moved the case to the trash." },
        new() { Code = CaseRestored, Category = ActivityCategories.Case, Description = "Brought the case back from the trash." },
    ];
}
