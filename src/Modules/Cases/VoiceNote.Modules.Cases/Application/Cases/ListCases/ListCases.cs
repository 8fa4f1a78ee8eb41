using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Cases.ListCases;

/// <summary>
/// Which of the caller's cases a list shows; null means "any". <see cref="Deleted"/> lists the trash (owners' cases only).
/// <see cref="Participant"/> is a user id or a login (username or email) of somebody else in the case; the times are
/// from (inclusive) to (exclusive), in UTC.
/// </summary>
internal sealed record CaseFilter(
    string? Status,
    string? Priority,
    CaseRole? Role,
    string? Text,
    bool Deleted,
    string? Participant = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    DateTimeOffset? UpdatedFrom = null,
    DateTimeOffset? UpdatedTo = null);

/// <summary>
/// One page of the cases the caller takes part in, heaviest priority first, then most recently changed
/// (docs/decisions/0062: keyset paging on (priority weight, updated_at, id), all descending).
/// </summary>
[Requires(Scope = ApiScopes.CasesRead)]
internal sealed record ListCases(CaseFilter Filter, PageQuery Page) : IQuery<Page<CaseListItem>>;

/// <summary>A case in a list: what a list shows, with the caller's role.</summary>
internal sealed record CaseListItem(
    Guid Id,
    string Code,
    string Title,
    string Status,
    string Priority,
    int PriorityWeight,
    CaseRole MyRole,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    bool IsDeleted);

/// <summary>The sort keys of a page's last row.</summary>
internal sealed record CaseCursor(int Weight, DateTimeOffset At, Guid Id)
{
    /// <summary>In UTC whatever offset a cursor carries: PostgreSQL takes only UTC for timestamptz.</summary>
    public DateTimeOffset At { get; init; } = At.ToUniversalTime();
}

internal sealed class ListCasesHandler(CasesDbContext db, ICurrentUser caller, IIdentityModule identity) : IQueryHandler<ListCases, Page<CaseListItem>>
{
    public async Task<Result<Page<CaseListItem>>> Handle(ListCases request, CancellationToken cancellationToken)
    {
        if (!KeysetCursor.TryDecode(request.Page.Cursor, out CaseCursor? cursor))
        {
            return KeysetCursor.Invalid;
        }

        var participant = await ParticipantAsync(request.Filter.Participant, cancellationToken);
        if (request.Filter.Participant is not null && participant is null)
        {
            // Nobody by that login: no case has them in it. The same empty page as for a user in none of the caller's cases.
            return new Page<CaseListItem>([], 0, request.Page.CountsTotal ? 0 : null, null);
        }

        var mine = Matching(request.Filter, participant);
        var page = mine;
        if (cursor is not null)
        {
            var (weight, at, id) = (cursor.Weight, cursor.At, cursor.Id);
            page = page.Where(x => EF.Functions.LessThan(ValueTuple.Create(x.Case.Priority.Weight, x.Case.UpdatedAt, x.Case.Id), ValueTuple.Create(weight, at, id)));
        }

        var rows = await page
            .OrderByDescending(x => x.Case.Priority.Weight).ThenByDescending(x => x.Case.UpdatedAt).ThenByDescending(x => x.Case.Id)
            .Take(request.Page.Limit + 1)
            .Select(x => new CaseListItem(
                x.Case.Id, x.Case.Code, x.Case.Title, x.Case.StatusCode, x.Case.PriorityCode, x.Case.Priority.Weight, x.Role,
                x.Case.CreatedAt, x.Case.UpdatedAt, x.Case.ClosedAt, x.Case.IsDeleted))
            .ToListAsync(cancellationToken);

        long? total = request.Page.CountsTotal ? await mine.LongCountAsync(cancellationToken) : null;
        return KeysetPage.From(rows, request.Page.Limit, last => KeysetCursor.Encode(new CaseCursor(last.PriorityWeight, last.UpdatedAt, last.Id)), total);
    }

    /// <summary>The caller's participant rows are where the list starts: no other case can be in it.</summary>
    private async Task<UserId?> ParticipantAsync(string? participant, CancellationToken cancellationToken)
    {
        if (participant is null)
        {
            return null;
        }

        if (Guid.TryParse(participant, out var id))
        {
            return new UserId(id);
        }

        return (await identity.FindUserAsync(participant, cancellationToken))?.UserId;
    }

    private IQueryable<Membership> Matching(CaseFilter filter, UserId? participant)
    {
        var me = caller.Id;
        var query = db.Participants.Where(p => p.UserId == me)
            .Join(db.Cases, p => p.CaseId, c => c.Id, (p, c) => new Membership { Case = c, Role = p.Role });

        query = filter.Deleted
            ? query.Where(x => x.Case.IsDeleted && x.Role == CaseRole.Owner)
            : query.Where(x => !x.Case.IsDeleted);
        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Case.StatusCode == status);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(x => x.Case.PriorityCode == priority);
        }

        if (filter.Role is { } role)
        {
            query = query.Where(x => x.Role == role);
        }

        if (participant is { } other)
        {
            query = query.Where(x => db.Participants.Any(p => p.CaseId == x.Case.Id && p.UserId == other));
        }

        if (filter.CreatedFrom is { } createdFrom)
        {
            query = query.Where(x => x.Case.CreatedAt >= createdFrom);
        }

        if (filter.CreatedTo is { } createdTo)
        {
            query = query.Where(x => x.Case.CreatedAt < createdTo);
        }

        if (filter.UpdatedFrom is { } updatedFrom)
        {
            query = query.Where(x => x.Case.UpdatedAt >= updatedFrom);
        }

        if (filter.UpdatedTo is { } updatedTo)
        {
            query = query.Where(x => x.Case.UpdatedAt < updatedTo);
        }

        if (filter.Text is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.ILike(x.Case.Title, pattern) || EF.Functions.ILike(x.Case.Code, pattern));
        }

        return query;
    }

    private sealed class Membership
    {
        public required Case Case { get; init; }

        public required CaseRole Role { get; init; }
    }
}
