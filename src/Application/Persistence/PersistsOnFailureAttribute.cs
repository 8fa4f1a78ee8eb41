namespace VoiceNote.Application.Persistence;

/// <summary>
/// Commits a command's changes even when it returns a failure. For the few use cases whose failure
/// is itself a fact to record: a failed sign-in counts toward lockout, a reused refresh token revokes
/// its session.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PersistsOnFailureAttribute : Attribute;
