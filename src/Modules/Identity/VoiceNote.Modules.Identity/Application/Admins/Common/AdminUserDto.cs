using System.Linq.Expressions;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Admins.Common;

/// <summary>
/// An account as an admin sees it: the owner's view plus the admin and lockout fields. Deliberately
/// built field by field, so the password hash and the security and concurrency stamps can never leak.
/// </summary>
internal sealed record AdminUserDto(
    Guid Id,
    string Email,
    string Username,
    string DisplayName,
    string? DeviceId,
    string? DeviceModel,
    bool IsActive,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset? LockedOutUntil,
    bool IsAdmin,
    IReadOnlyList<string> AdminPermissions,
    string? AdminGrantedBy,
    DateTimeOffset? AdminGrantedAt,
    DateTimeOffset? AdminLastActionAt)
{
    /// <summary>The projection EF translates to SQL (lists read only these columns).</summary>
    public static readonly Expression<Func<User, AdminUserDto>> Projection = u => new AdminUserDto(
        u.Id,
        u.Email!,
        u.UserName!,
        u.DisplayName,
        u.DeviceId,
        u.DeviceModel,
        u.IsActive,
        u.IsDeleted,
        u.DeletedAt,
        u.CreatedAt,
        u.UpdatedAt,
        u.LastLoginAt,
        u.LockoutEnd,
        u.IsAdmin,
        u.AdminPermissions,
        u.AdminGrantedBy,
        u.AdminGrantedAt,
        u.AdminLastActionAt);

    private static readonly Func<User, AdminUserDto> Compiled = Projection.Compile();

    public static AdminUserDto From(User user) => Compiled(user);
}
