using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Common;

/// <summary>An account as its owner (or an admin) sees it. Never the password hash or security stamps.</summary>
internal sealed record UserDto(
    Guid Id,
    string Email,
    string Username,
    string DisplayName,
    string? DeviceId,
    string? DeviceModel,
    bool IsActive,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    bool IsAdmin,
    IReadOnlyList<string> AdminPermissions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastLoginAt)
{
    public static UserDto From(User user) => new(
        user.Id,
        user.Email!,
        user.UserName!,
        user.DisplayName,
        user.DeviceId,
        user.DeviceModel,
        user.IsActive,
        user.IsDeleted,
        user.DeletedAt,
        user.IsAdmin,
        user.AdminPermissions,
        user.CreatedAt,
        user.UpdatedAt,
        user.LastLoginAt);
}
