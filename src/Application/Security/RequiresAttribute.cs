namespace VoiceNote.Application.Security;

/// <summary>
/// Declares what a use case needs from its caller. The authorization behaviour checks it on every
/// send, so a use case stays protected even when reached from somewhere other than its endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RequiresAttribute : Attribute
{
    /// <summary>An OAuth scope the caller's token must carry (e.g. "notes:write").</summary>
    public string? Scope { get; init; }

    /// <summary>An admin permission the caller must hold (e.g. "can_view_all_users").</summary>
    public string? Permission { get; init; }
}
