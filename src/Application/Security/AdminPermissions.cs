namespace VoiceNote.Application.Security;

/// <summary>The ten admin permissions (docs/product.md), by their stored names.</summary>
public static class AdminPermissions
{
    public const string CanViewAllUsers = "can_view_all_users";
    public const string CanDeleteUsers = "can_delete_users";
    public const string CanViewAllNotes = "can_view_all_notes";
    public const string CanDeleteNotes = "can_delete_notes";
    public const string CanManageAdmins = "can_manage_admins";
    public const string CanViewAnalytics = "can_view_analytics";
    public const string CanModifySystemSettings = "can_modify_system_settings";
    public const string CanModerateContent = "can_moderate_content";
    public const string CanManageRoles = "can_manage_roles";
    public const string CanExportData = "can_export_data";

    public static IReadOnlyList<string> All { get; } =
    [
        CanViewAllUsers, CanDeleteUsers, CanViewAllNotes, CanDeleteNotes, CanManageAdmins,
        CanViewAnalytics, CanModifySystemSettings, CanModerateContent, CanManageRoles, CanExportData,
    ];

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);
}
