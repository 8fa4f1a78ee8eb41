using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Admins.Users.ListUsers;

/// <summary>
/// The accounts an admin's search and filters admit: what the list counts. A case-insensitive substring
/// of email, username or display name; a filter left out does not filter (deleted accounts are included).
/// Users are owned by nobody, so no owner filter applies and nothing is lifted.
/// </summary>
internal sealed class UsersMatching : Specification<User>
{
    public UsersMatching(string? search, bool? isActive, bool? isDeleted, bool? isAdmin) => Query.Matching(search, isActive, isDeleted, isAdmin);
}

/// <summary>One keyset page of <see cref="UsersMatching"/>, newest first: the rows after the cursor and one more than the limit.</summary>
internal sealed class UsersPage : Specification<User>
{
    public UsersPage(string? search, bool? isActive, bool? isDeleted, bool? isAdmin, TimePosition? after, int limit)
    {
        Query.Matching(search, isActive, isDeleted, isAdmin).OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id);
        if (after is not null)
        {
            Query.Where(u => EF.Functions.LessThan(ValueTuple.Create(u.CreatedAt, u.Id), ValueTuple.Create(after.At, after.Id)));
        }

        Query.Take(limit + 1);
    }
}

internal static class UserSearch
{
    public static ISpecificationBuilder<User> Matching(this ISpecificationBuilder<User> query, string? search, bool? isActive, bool? isDeleted, bool? isAdmin)
    {
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            query.Where(u =>
                EF.Functions.ILike(u.Email!, pattern, "\\")
                || EF.Functions.ILike(u.UserName!, pattern, "\\")
                || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
        }

        if (isActive is { } active)
        {
            query.Where(u => u.IsActive == active);
        }

        if (isDeleted is { } deleted)
        {
            query.Where(u => u.IsDeleted == deleted);
        }

        if (isAdmin is { } admin)
        {
            query.Where(u => u.IsAdmin == admin);
        }

        return query;
    }

    /// <summary>The search is a substring, not a pattern: %, _ and the escape character match themselves.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
