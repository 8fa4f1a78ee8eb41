namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// Someone a task involves (name, contact, channel; docs/decisions/0031) and how (docs/decisions/0074):
/// the one who is to do it ("ask John to …") or the one it goes to ("send the invoice to Maria").
/// </summary>
internal sealed record AssignedEntity(string Name, string? Contact = null, CommunicationType? Channel = null, PersonRole Role = PersonRole.Assignee);
