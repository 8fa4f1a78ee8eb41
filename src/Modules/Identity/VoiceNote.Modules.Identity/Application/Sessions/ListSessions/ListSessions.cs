using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Sessions.ListSessions;

/// <summary>The caller's live sessions, newest first, with the current one marked.</summary>
internal sealed record ListSessions : IQuery<IReadOnlyList<SessionDto>>;

/// <summary>A live session; <see cref="Current"/> compares with the caller's session, so the shape is a selector, not a mapping.</summary>
internal sealed record SessionDto(Guid Id, string? DeviceId, string? DeviceModel, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, bool Current);

/// <summary>An account's sessions that are neither revoked nor expired, most recently used first.</summary>
internal sealed class LiveSessionsOfUser : Specification<Session, SessionDto>
{
    public LiveSessionsOfUser(Guid userId, DateTimeOffset now, Guid? currentSessionId)
    {
        Query.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now).OrderByDescending(s => s.LastUsedAt);
        Query.Select(s => new SessionDto(s.Id, s.DeviceId, s.DeviceModel, s.IpAddress, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Id == currentSessionId));
    }
}

internal sealed class ListSessionsHandler(IdentityDbContext db, ICurrentUser caller, TimeProvider clock) : IQueryHandler<ListSessions, IReadOnlyList<SessionDto>>
{
    public async Task<Result<IReadOnlyList<SessionDto>>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var userId = caller.Id.Value;
        var now = clock.GetUtcNow();
        var current = caller.SessionId;
        return await db.Sessions.WithSpecification(new LiveSessionsOfUser(userId, now, current)).ToListAsync(cancellationToken);
    }
}

internal sealed class ListSessionsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/auth/sessions", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListSessions(), ct)).ToOk())
            .RequireInteractiveUser().WithTags("Accounts")
            .WithName("listSessions").Produces<IReadOnlyList<SessionDto>>().WithSummary("List this account's live sessions");
}
