namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>Someone a task involves (seed 000 assigned_entities: name, contact, channel).</summary>
internal sealed record AssignedEntity(string Name, string? Contact = null, CommunicationType? Channel = null);
