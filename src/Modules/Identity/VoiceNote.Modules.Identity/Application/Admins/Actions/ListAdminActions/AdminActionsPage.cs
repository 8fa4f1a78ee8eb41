using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Admins.Actions.ListAdminActions;

/// <summary>The audit rows of one admin, of one target account, or all: what the trail counts.</summary>
internal sealed class AdminActionsOf : Specification<AdminAction>
{
    public AdminActionsOf(Guid? adminId, Guid? targetUserId) => Query.Of(adminId, targetUserId);
}

/// <summary>One keyset page of <see cref="AdminActionsOf"/>, newest first: the rows after the cursor and one more than the limit.</summary>
internal sealed class AdminActionsPage : Specification<AdminAction>
{
    public AdminActionsPage(Guid? adminId, Guid? targetUserId, TimePosition? after, int limit)
    {
        Query.Of(adminId, targetUserId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        if (after is not null)
        {
            Query.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(after.At, after.Id)));
        }

        Query.Take(limit + 1).AsNoTracking();
    }
}

/// <summary>The usernames of some accounts, as they are now: the trail shows who acted on whom.</summary>
internal sealed class AccountNamesOf : Specification<User, AccountName>
{
    public AccountNamesOf(IReadOnlyCollection<Guid> ids)
    {
        Query.Where(u => ids.Contains(u.Id));
        Query.Select(u => new AccountName(u.Id, u.UserName));
    }
}

internal sealed record AccountName(Guid Id, string? Username);

internal static class AdminActionCriteria
{
    public static ISpecificationBuilder<AdminAction> Of(this ISpecificationBuilder<AdminAction> query, Guid? adminId, Guid? targetUserId)
    {
        if (adminId is { } admin)
        {
            query.Where(a => a.AdminId == admin);
        }

        if (targetUserId is { } target)
        {
            query.Where(a => a.TargetUserId == target);
        }

        return query;
    }
}
