using VoiceNote.Contracts;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Application.Security;

/// <summary>Who is calling. Background work runs with no user: <see cref="IsAuthenticated"/> is false there.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The caller's id; reading it when nobody is signed in is a programming error.</summary>
    UserId Id { get; }

    /// <summary>The caller's id, or null for background work and anonymous calls.</summary>
    UserId? IdOrNull { get; }

    /// <summary>The sign-in session the access token belongs to; null for client credentials tokens.</summary>
    Guid? SessionId { get; }

    /// <summary>The partner client the token was issued to; null when it was issued to one of the product's own apps.</summary>
    string? PartnerClientId { get; }

    /// <summary>
    /// Where the current request comes from, for the events it causes (docs/decisions/0078); null outside a request.
    /// Only the host's HTTP caller knows it, so the others keep this default.
    /// </summary>
    EventOrigin? Origin => null;

    bool HasScope(string scope);

    bool HasPermission(string permission);
}
