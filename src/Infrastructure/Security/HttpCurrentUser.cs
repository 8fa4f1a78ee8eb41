using Microsoft.AspNetCore.Http;
using VoiceNote.Application.Security;
using VoiceNote.Contracts;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Infrastructure.Security;

/// <summary>The caller as the validated access token describes it; nobody outside a request.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    /// <summary>What an event's origin keeps of the address and the User-Agent (docs/decisions/0078).</summary>
    internal const int MaxAddressLength = 64;

    internal const int MaxUserAgentLength = 512;

    public bool IsAuthenticated => IdOrNull is not null;

    public UserId Id => IdOrNull ?? throw new InvalidOperationException("No signed-in user in this context.");

    public UserId? IdOrNull
    {
        get
        {
            var principal = accessor.HttpContext?.User;
            if (principal?.Identity?.IsAuthenticated != true)
            {
                return null;
            }

            return Guid.TryParse(principal.FindFirst(VoiceNoteClaims.Subject)?.Value, out var id) ? new UserId(id) : null;
        }
    }

    public Guid? SessionId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(VoiceNoteClaims.SessionId)?.Value, out var id) ? id : null;

    public string? PartnerClientId => VoiceNoteClaims.PartnerClientId(accessor.HttpContext?.User);

    public EventOrigin? Origin =>
        accessor.HttpContext is { } http
            ? new EventOrigin(
                IdOrNull?.Value,
                http.User.FindFirst(VoiceNoteClaims.ClientId)?.Value,
                Cut(http.Connection.RemoteIpAddress?.ToString(), MaxAddressLength),
                Cut(http.Request.Headers.UserAgent.ToString(), MaxUserAgentLength))
            : null;

    public bool HasScope(string scope) => VoiceNoteClaims.HasScope(accessor.HttpContext?.User, scope);

    public bool HasPermission(string permission) =>
        accessor.HttpContext?.User.HasClaim(VoiceNoteClaims.Permission, permission) == true;

    private static string? Cut(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length > length ? value[..length] : value;
}
