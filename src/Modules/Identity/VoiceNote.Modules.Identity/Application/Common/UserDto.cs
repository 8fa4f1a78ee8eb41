using Mapster;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Common;

/// <summary>An account as its owner (or an admin) sees it. Never the password hash or security stamps.</summary>
internal sealed record UserDto
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

    public required bool IsAdmin { get; init; }

    public required IReadOnlyList<string> AdminPermissions { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? LastLoginAt { get; init; }

    /// <summary>A tracked account after a change; queries project with <c>ProjectToType&lt;UserDto&gt;</c> instead.</summary>
    public static UserDto From(User user) => user.Adapt<UserDto>(IdentityMappings.Config);
}

/// <summary>
/// Only the members the DTO declares are read: the password hash and the security and concurrency
/// stamps have no member here, so they can never be mapped out.
/// </summary>
internal sealed class UserDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<User, UserDto>()
        .Map(d => d.Email, u => u.Email!)
        .Map(d => d.Username, u => u.UserName!);
}
