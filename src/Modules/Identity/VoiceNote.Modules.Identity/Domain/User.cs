using Microsoft.AspNetCore.Identity;

namespace VoiceNote.Modules.Identity.Domain;

/// <summary>
/// An account (docs/product.md, Identity). ASP.NET Core Identity keeps the password hash, lockout and
/// normalised names; the rest is ours. Admin status lives here too (the admin flag and its permission set).
/// </summary>
internal sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public string? DeviceId { get; set; }

    public string? DeviceModel { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset? LastLoginAt { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsAdmin { get; set; }

    public List<string> AdminPermissions { get; set; } = [];

    /// <summary>Who granted admin: a user id, or "system" for the configured first admin.</summary>
    public string? AdminGrantedBy { get; set; }

    public DateTimeOffset? AdminGrantedAt { get; set; }

    public DateTimeOffset? AdminLastActionAt { get; set; }

    /// <summary>May this account sign in and use its tokens?</summary>
    public bool CanSignIn => IsActive && !IsDeleted;

    public void SoftDelete(DateTimeOffset now)
    {
        IsDeleted = true;
        DeletedAt = now;
        UpdatedAt = now;
    }

    public void Restore(DateTimeOffset now)
    {
        IsDeleted = false;
        DeletedAt = null;
        UpdatedAt = now;
    }

    public void GrantAdmin(IEnumerable<string> permissions, string grantedBy, DateTimeOffset now)
    {
        IsAdmin = true;
        AdminPermissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        AdminGrantedBy = grantedBy;
        AdminGrantedAt = now;
        UpdatedAt = now;
    }

    public void RevokeAdmin(DateTimeOffset now)
    {
        IsAdmin = false;
        AdminPermissions = [];
        AdminGrantedBy = null;
        AdminGrantedAt = null;
        UpdatedAt = now;
    }
}
