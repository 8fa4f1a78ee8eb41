namespace VoiceNote.Application.Idempotency;

/// <summary>What a create answered, and whether this request made it (201) or an earlier one with the same key did (200).</summary>
public sealed record Creation<T>(T Value, bool Created);
