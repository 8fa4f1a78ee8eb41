using Mapster;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Admins.Common;

/// <summary>
/// An account as an admin sees it: the owner's view plus the admin and lockout fields. Only the members
/// declared here are mapped, so the password hash and the security and concurrency stamps can never leak.
/// </summary>
internal sealed record AdminUserDto
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string Username { get; init; }

    public required string DisplayName { get; init; }

    public required string? DeviceId { get; init; }

    public required string? DeviceModel { get; init; }

    public required bool IsActive { get; init; }

    public required bool IsDeleted { get; init; }

    public required DateTimeOffset? DeletedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? LastLoginAt { get; init; }

    public required DateTimeOffset? LockedOutUntil { get; init; }

    public required bool IsAdmin { get; init; }

    public required IReadOnlyList<string> AdminPermissions { get; init; }

    public required string? AdminGrantedBy { get; init; }

    public required DateTimeOffset? AdminGrantedAt { get; init; }

    public required DateTimeOffset? AdminLastActionAt { get; init; }

    /// <summary>A tracked account after a change; queries project with <c>ProjectToType&lt;AdminUserDto&gt;</c> instead.</summary>
    public static AdminUserDto From(User user) => user.Adapt<AdminUserDto>(IdentityMappings.Config);
}

internal sealed class AdminUserDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<User, AdminUserDto>()
        .Map(d => d.Email, u => u.Email!)
        .Map(d => d.Username, u => u.UserName!)
        .Map(d => d.LockedOutUntil, u => u.LockoutEnd);
}
