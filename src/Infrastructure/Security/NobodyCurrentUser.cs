using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Infrastructure.Security;

/// <summary>No caller: for design-time tooling and code that runs outside any request.</summary>
public sealed class NobodyCurrentUser : ICurrentUser
{
    public static readonly NobodyCurrentUser Instance = new();

    public bool IsAuthenticated => false;

    public UserId Id => throw new InvalidOperationException("No signed-in user in this context.");

    public UserId? IdOrNull => null;

    public Guid? SessionId => null;

    public string? PartnerClientId => null;

    public bool HasScope(string scope) => false;

    public bool HasPermission(string permission) => false;
}
