namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>How a person takes part in a task (docs/decisions/0074).</summary>
internal enum PersonRole
{
    /// <summary>Who is to do it: "ask John to book the room", "Priya needs to review the draft".</summary>
    Assignee,

    /// <summary>Who it goes to or is about: "send the invoice to Maria", "call Mom".</summary>
    Recipient,
}
