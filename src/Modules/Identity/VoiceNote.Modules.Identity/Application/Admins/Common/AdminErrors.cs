using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Identity.Application.Admins.Common;

/// <summary>The stable codes of the admin use cases (docs/decisions/0015, 0016).</summary>
internal static class AdminErrors
{
    /// <summary>The change would leave no active account holding can_manage_admins.</summary>
    public static readonly Error LastAdmin = Error.Conflict(
        "identity.last_admin", "This is the last active admin who can manage admins; grant can_manage_admins to another account first.");

    /// <summary>Admins do not change their own admin status or account through the admin endpoints.</summary>
    public static readonly Error SelfChange = Error.Forbidden(
        "identity.admin_self_change", "Admins cannot change their own admin status, deactivate or delete their own account here; another admin must do it.");

    public static readonly Error AlreadyInactive = Error.Conflict("identity.user_already_inactive", "The account is already deactivated.");

    public static readonly Error AlreadyActive = Error.Conflict("identity.user_already_active", "The account is already active.");

    public static readonly Error AlreadyDeleted = Error.Conflict("identity.user_already_deleted", "The account is already deleted.");

    public static readonly Error NotDeleted = Error.Conflict("identity.user_not_deleted", "The account is not deleted; there is nothing to restore.");

    public static readonly Error NotDeletedToPurge = Error.Conflict("identity.user_not_deleted", "The account is not deleted; only a deleted account can be purged.");

    public static readonly Error UserDeleted = Error.Conflict("identity.user_deleted", "The account is deleted; restore it first.");

    public static readonly Error NotAdmin = Error.Conflict("identity.user_not_admin", "The account is not an admin.");
}
