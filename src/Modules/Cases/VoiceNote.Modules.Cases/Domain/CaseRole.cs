namespace VoiceNote.Modules.Cases.Domain;

/// <summary>A participant's role in a case (ADR 0076). Stored as its name; the order is of decreasing power.</summary>
internal enum CaseRole
{
    Owner,
    Editor,
    Contributor,
    Viewer,
}

/// <summary>
/// What a participant may do in a case. <see cref="Read"/> every participant has; the five grantable ones
/// may be set per participant; <see cref="Edit"/> and <see cref="Delete"/> follow from the role alone.
/// </summary>
[Flags]
internal enum CasePermission
{
    None = 0,
    Read = 1,
    UploadAudio = 2,
    EditNotes = 4,
    SeeAnalyses = 8,
    Export = 16,
    ManageParticipants = 32,

    /// <summary>Change the case itself: title, description, status, priority, close and reopen.</summary>
    Edit = 64,

    /// <summary>Move the case to the trash and restore it.</summary>
    Delete = 128,
}

/// <summary>The permissions a participant has: the role's defaults, or the role's fixed part plus the grants chosen for them.</summary>
internal static class CasePermissions
{
    /// <summary>The permissions that may be chosen per participant, by their API names.</summary>
    public static readonly IReadOnlyDictionary<string, CasePermission> Grantable = new Dictionary<string, CasePermission>(StringComparer.Ordinal)
    {
        ["UPLOAD_AUDIO"] = CasePermission.UploadAudio,
        ["EDIT_NOTES"] = CasePermission.EditNotes,
        ["SEE_ANALYSES"] = CasePermission.SeeAnalyses,
        ["EXPORT"] = CasePermission.Export,
        ["MANAGE_PARTICIPANTS"] = CasePermission.ManageParticipants,
    };

    private const CasePermission GrantableMask =
        CasePermission.UploadAudio | CasePermission.EditNotes | CasePermission.SeeAnalyses | CasePermission.Export | CasePermission.ManageParticipants;

    /// <summary>A viewer only reads: of the grantable permissions it may hold the reading ones.</summary>
    private const CasePermission ViewerCeiling = CasePermission.SeeAnalyses | CasePermission.Export;

    public static CasePermission DefaultsOf(CaseRole role) => role switch
    {
        CaseRole.Owner => GrantableMask | CasePermission.Read | CasePermission.Edit | CasePermission.Delete,
        CaseRole.Editor => CasePermission.Read | CasePermission.Edit | CasePermission.UploadAudio | CasePermission.EditNotes | CasePermission.SeeAnalyses | CasePermission.Export,
        CaseRole.Contributor => CasePermission.Read | CasePermission.UploadAudio | CasePermission.EditNotes | CasePermission.SeeAnalyses,
        _ => CasePermission.Read | CasePermission.SeeAnalyses,
    };

    /// <summary>What the role may be granted at most: everything for owners (who hold it all anyway), the reading ones for viewers.</summary>
    public static CasePermission CeilingOf(CaseRole role) => role == CaseRole.Viewer ? ViewerCeiling : GrantableMask;

    /// <summary>The effective permissions: the role's defaults, or with <paramref name="granted"/> its fixed part plus those grants.</summary>
    public static CasePermission Effective(CaseRole role, CasePermission? granted)
    {
        if (role == CaseRole.Owner || granted is null)
        {
            return DefaultsOf(role);
        }

        return (DefaultsOf(role) & ~GrantableMask) | (granted.Value & CeilingOf(role));
    }

    public static IReadOnlyList<string> NamesOf(CasePermission permissions) =>
        Grantable.Where(p => permissions.HasFlag(p.Value)).Select(p => p.Key).ToList();

    public static CasePermission FromNames(IEnumerable<string> names) =>
        names.Aggregate(CasePermission.None, (all, name) => all | Grantable[name]);
}
