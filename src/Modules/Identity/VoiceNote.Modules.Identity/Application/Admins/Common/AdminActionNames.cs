namespace VoiceNote.Modules.Identity.Application.Admins.Common;

/// <summary>The action names stored in the admin audit trail; stored data, so never rename one.</summary>
internal static class AdminActionNames
{
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserDeleted = "user.deleted";
    public const string UserRestored = "user.restored";
    public const string UserPurged = "user.purged";
    public const string AdminGranted = "admin.granted";
    public const string AdminRevoked = "admin.revoked";
}
