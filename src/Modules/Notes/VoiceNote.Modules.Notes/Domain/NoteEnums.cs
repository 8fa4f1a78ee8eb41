using System.Text.Json.Serialization;

namespace VoiceNote.Modules.Notes.Domain;

// Stored as small integers (so "priority" sorts by rank and keyset cursors compare numbers); shown in
// JSON as upper-case names (ADR 0020). Never renumber a member: the number is what the database holds.

/// <summary>How urgent a note or task is. The number is the rank: a higher number sorts first.</summary>
internal enum NotePriority
{
    [JsonStringEnumMemberName("LOW")]
    Low = 1,

    [JsonStringEnumMemberName("MEDIUM")]
    Medium = 2,

    [JsonStringEnumMemberName("HIGH")]
    High = 3,
}

/// <summary>Where a note stands.</summary>
internal enum NoteStatus
{
    [JsonStringEnumMemberName("PENDING")]
    Pending = 0,

    [JsonStringEnumMemberName("DONE")]
    Done = 1,

    [JsonStringEnumMemberName("DELAYED")]
    Delayed = 2,
}

/// <summary>How a task's action reaches its assignee.</summary>
internal enum CommunicationType
{
    [JsonStringEnumMemberName("WHATSAPP")]
    WhatsApp = 1,

    [JsonStringEnumMemberName("SMS")]
    Sms = 2,

    [JsonStringEnumMemberName("CALL")]
    Call = 3,

    [JsonStringEnumMemberName("MEET")]
    Meet = 4,

    [JsonStringEnumMemberName("SLACK")]
    Slack = 5,
}

/// <summary>
/// The engine a transcript came from. The earlier mobile app kept one column per engine (groq, deepgram, android; docs/product.md);
/// the pipeline adds the offline local recogniser and any OpenAI-compatible server.
/// </summary>
internal enum TranscriptEngine
{
    [JsonStringEnumMemberName("GROQ")]
    Groq = 1,

    [JsonStringEnumMemberName("DEEPGRAM")]
    Deepgram = 2,

    /// <summary>The phone's own recogniser.</summary>
    [JsonStringEnumMemberName("ANDROID")]
    Android = 3,

    /// <summary>The offline recogniser the pipeline runs by default (PocketSphinx).</summary>
    [JsonStringEnumMemberName("LOCAL")]
    Local = 4,

    [JsonStringEnumMemberName("OPENAI")]
    OpenAi = 5,
}

/// <summary>What an operator with can_moderate_content decided about a note.</summary>
internal enum ModerationStatus
{
    [JsonStringEnumMemberName("NONE")]
    None = 0,

    [JsonStringEnumMemberName("APPROVED")]
    Approved = 1,

    [JsonStringEnumMemberName("FLAGGED")]
    Flagged = 2,
}

/// <summary>A person's part in a task (docs/decisions/0074); kept in the task's JSON, so named, not numbered.</summary>
internal enum AssignedRole
{
    /// <summary>Is to do it: "ask John to book the room".</summary>
    [JsonStringEnumMemberName("ASSIGNEE")]
    Assignee = 0,

    /// <summary>It goes to them: "send the invoice to Maria".</summary>
    [JsonStringEnumMemberName("RECIPIENT")]
    Recipient = 1,
}

/// <summary>Where a note's analysis stands (docs/decisions/0075).</summary>
internal enum NoteAnalysisState
{
    /// <summary>Its text was sent to analysis; the result has not arrived yet.</summary>
    [JsonStringEnumMemberName("PENDING")]
    Pending = 0,

    /// <summary>The analysis of its current text is applied.</summary>
    [JsonStringEnumMemberName("ANALYSED")]
    Analysed = 1,
}
