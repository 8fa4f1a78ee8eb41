namespace VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

internal enum TriggerKind
{
    /// <summary>"call the dentist"</summary>
    Imperative,

    /// <summary>"I need to …", "we should …", "let's …"</summary>
    Intent,

    /// <summary>"remind me to …", "don't forget to …", "make sure to …"</summary>
    Reminder,

    /// <summary>"remind me about the meeting", "don't forget the milk": the task is to remember a thing.</summary>
    RememberThing,

    /// <summary>"can you send …", "I need you to …"</summary>
    Request,

    /// <summary>"John needs to …": someone else's task, with that person as the assignee.</summary>
    Delegated,
}

/// <summary>How a clause announced a task and where the action's words start (a position in <see cref="ClauseWords"/>).</summary>
internal sealed record Trigger(TriggerKind Kind, int ActionStart, double Confidence, int? DelegateAt = null, bool Important = false);
