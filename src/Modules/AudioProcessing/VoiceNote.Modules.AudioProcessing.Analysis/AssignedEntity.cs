namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>Someone a task involves (name, contact, channel; docs/decisions/0031).</summary>
internal sealed record AssignedEntity(string Name, string? Contact = null, CommunicationType? Channel = null);
