using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>A fixed caller, for reading a module's DbContext as one user outside an HTTP request.</summary>
internal sealed class StaticCurrentUser(UserId? id) : ICurrentUser
{
    public bool IsAuthenticated => id is not null;

    public UserId Id => id ?? throw new InvalidOperationException("nobody");

    public UserId? IdOrNull => id;

    public Guid? SessionId => null;

    public string? PartnerClientId => null;

    public bool HasScope(string scope) => id is not null;

    public bool HasPermission(string permission) => false;
}
