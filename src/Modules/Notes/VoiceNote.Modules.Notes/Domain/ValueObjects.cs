using System.Text.Json.Serialization;

namespace VoiceNote.Modules.Notes.Domain;

/// <summary>
/// A moment worth jumping to (docs/product.md): its offset into the recording, written as
/// "hh:mm:ss" ("00:01:23"), what happens there, and how sure the analysis was (0..1).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record KeyMoment(TimeSpan Timestamp, string Description, double Confidence);

/// <summary>
/// Somebody a task concerns: a name, optionally how and where to reach them, and their part in it
/// (ASSIGNEE: is to do it; RECIPIENT: it goes to them; none: not said. docs/decisions/0074).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AssignedEntity(string Name, string? Contact = null, string? Channel = null, AssignedRole? Role = null);
