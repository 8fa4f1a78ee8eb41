namespace VoiceNote.Modules.Operations.Application.Backups;

/// <summary>A backup or restore that cannot go on; the message is for the operator and names what to do.</summary>
internal sealed class BackupException(string message) : Exception(message);
