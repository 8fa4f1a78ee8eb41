using Ardalis.Specification;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Sessions.ListSessions;

/// <summary>The caller's live sessions, most recently used first, with the current one marked; keyset-paged on (last_used_at, id).</summary>
internal sealed record ListSessions(PageQuery Page) : IQuery<Page<SessionDto>>;

internal sealed class ListSessionsValidator : AbstractValidator<ListSessions>
{
    public ListSessionsValidator() => RuleFor(q => q.Page).ValidPage();
}

/// <summary>A live session; <see cref="Current"/> compares with the caller's session, so the shape is a selector, not a mapping.</summary>
internal sealed record SessionDto(Guid Id, string? DeviceId, string? DeviceModel, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, bool Current);

/// <summary>An account's sessions that are neither revoked nor expired: what the list counts.</summary>
internal sealed class LiveSessionsOfUser : Specification<Session>
{
    public LiveSessionsOfUser(Guid userId, DateTimeOffset now) => Query.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now);
}

/// <summary>
/// One keyset page of <see cref="LiveSessionsOfUser"/>, most recently used first: the rows after the
/// cursor and one more than the limit. A refresh moves its session to the front, where a walk has been.
/// </summary>
internal sealed class LiveSessionsOfUserPage : Specification<Session, SessionDto>
{
    public LiveSessionsOfUserPage(Guid userId, DateTimeOffset now, Guid? currentSessionId, TimePosition? after, int limit)
    {
        Query.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now).OrderByDescending(s => s.LastUsedAt).ThenByDescending(s => s.Id);
        if (after is not null)
        {
            Query.Where(s => EF.Functions.LessThan(ValueTuple.Create(s.LastUsedAt, s.Id), ValueTuple.Create(after.At, after.Id)));
        }

        Query.Take(limit + 1);
        Query.Select(s => new SessionDto(s.Id, s.DeviceId, s.DeviceModel, s.IpAddress, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.Id == currentSessionId));
    }
}

internal sealed class ListSessionsHandler(IdentityDbContext db, ICurrentUser caller, TimeProvider clock) : IQueryHandler<ListSessions, Page<SessionDto>>
{
    public async Task<Result<Page<SessionDto>>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out TimePosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var userId = caller.Id.Value;
        var now = clock.GetUtcNow();
        var rows = await db.Sessions.WithSpecification(new LiveSessionsOfUserPage(userId, now, caller.SessionId, after, request.Page.Limit)).ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await db.Sessions.WithSpecification(new LiveSessionsOfUser(userId, now)).LongCountAsync(cancellationToken) : null;
        return KeysetPage.From(rows, request.Page.Limit, last => new TimePosition(last.LastUsedAt, last.Id).Encode(), total);
    }
}

internal sealed class ListSessionsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/auth/sessions", async ([AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListSessions(paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireInteractiveUser().WithTags("Accounts")
            .WithName("listSessions").Produces<Page<SessionDto>>().WithSummary("List this account's live sessions");
}
