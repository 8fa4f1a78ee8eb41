using VoiceNote.Modules.Cases.Application.Cases.ListCases;
using VoiceNote.Modules.Cases.Application.Participants;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.UnitTests.Cases;

/// <summary>How a role and a participant's own permissions make what they may do (ADR 0076).</summary>
public sealed class CasePermissionsTests
{
    [Test]
    public void Roles_have_decreasing_defaults_and_only_owners_delete()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CasePermissions.DefaultsOf(CaseRole.Owner).HasFlag(CasePermission.Delete | CasePermission.ManageParticipants | CasePermission.Edit), Is.True);
            Assert.That(CasePermissions.DefaultsOf(CaseRole.Editor).HasFlag(CasePermission.Edit), Is.True);
            Assert.That(CasePermissions.DefaultsOf(CaseRole.Editor).HasFlag(CasePermission.Delete), Is.False);
            Assert.That(CasePermissions.DefaultsOf(CaseRole.Contributor).HasFlag(CasePermission.Edit), Is.False);
            Assert.That(CasePermissions.DefaultsOf(CaseRole.Contributor).HasFlag(CasePermission.UploadAudio), Is.True);
            Assert.That(CasePermissions.DefaultsOf(CaseRole.Viewer), Is.EqualTo(CasePermission.Read | CasePermission.SeeAnalyses));
        });
    }

    [Test]
    public void Chosen_permissions_replace_the_grantable_part_and_never_the_roles_fixed_part()
    {
        var editor = CasePermissions.Effective(CaseRole.Editor, CasePermission.Export);
        Assert.Multiple(() =>
        {
            Assert.That(editor, Is.EqualTo(CasePermission.Read | CasePermission.Edit | CasePermission.Export));
            Assert.That(CasePermissions.Effective(CaseRole.Owner, CasePermission.None), Is.EqualTo(CasePermissions.DefaultsOf(CaseRole.Owner)), "an owner keeps everything");
            Assert.That(CasePermissions.Effective(CaseRole.Viewer, CasePermission.UploadAudio | CasePermission.Export), Is.EqualTo(CasePermission.Read | CasePermission.Export),
                "a viewer never writes, whatever is stored");
            Assert.That(CasePermissions.Effective(CaseRole.Contributor, null), Is.EqualTo(CasePermissions.DefaultsOf(CaseRole.Contributor)));
        });
    }

    [TestCase("VIEWER", new[] { "SEE_ANALYSES", "export" }, true)]
    [TestCase("VIEWER", new[] { "EDIT_NOTES" }, false)]
    [TestCase("contributor", new[] { "MANAGE_PARTICIPANTS" }, true)]
    [TestCase("EDITOR", new[] { "FLY" }, false)]
    [TestCase("CHIEF", null, false)]
    public void Roles_and_permission_names_are_read_within_the_roles_ceiling(string role, string[]? permissions, bool valid) =>
        Assert.That(ParticipantRules.Parse(role, permissions).IsSuccess, Is.EqualTo(valid));

    [Test]
    public void A_case_cursor_reads_back_as_written_in_utc()
    {
        var cursor = new CaseCursor(300, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)), Guid.NewGuid());
        Assert.That(VoiceNote.Application.Paging.KeysetCursor.TryDecode(VoiceNote.Application.Paging.KeysetCursor.Encode(cursor), out CaseCursor? read), Is.True);
        Assert.That(read, Is.EqualTo(cursor with { At = cursor.At.ToUniversalTime() }));
        Assert.That(read!.At.Offset, Is.EqualTo(TimeSpan.Zero));
    }
}
