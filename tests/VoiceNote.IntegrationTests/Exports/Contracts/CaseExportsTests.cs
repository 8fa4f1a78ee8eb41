using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Cases;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Cases.Contracts;
using NotesApi = VoiceNote.IntegrationTests.Notes.NotesApi;

namespace VoiceNote.IntegrationTests.Exports.Contracts;

/// <summary>
/// What the Exports module asks of cases (issue 15, <see cref="ICaseExports"/>): who may export a case, as the case
/// access model (ADR 0076) decides, and what the case holds. Cases are built through the real API.
/// </summary>
public sealed class CaseExportsTests : DatabaseFixture
{
    // Uploads into the case are kept, not processed: the case only needs to hold them.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };

    [Test]
    public async Task May_export_follows_role_and_grants_and_a_non_participant_a_missing_or_a_trashed_case_reads_as_none()
    {
        var owner = await this.CreateAccountAsync("cx_owner");
        var editor = await this.CreateAccountAsync("cx_editor");
        var contributor = await this.CreateAccountAsync("cx_contrib");
        var viewer = await this.CreateAccountAsync("cx_viewer");
        var grantedViewer = await this.CreateAccountAsync("cx_granted");
        var stranger = await this.CreateAccountAsync("cx_stranger");
        using var ownerClient = this.ClientFor(owner);
        var caseId = (await ownerClient.CreateCaseAsync("Harbour incident", priority: "HIGH", description: "The crane fell")).Id();
        await ownerClient.InviteAsync(caseId, editor.Username, "EDITOR");
        await ownerClient.InviteAsync(caseId, contributor.Username, "CONTRIBUTOR");
        await ownerClient.InviteAsync(caseId, viewer.Username, "VIEWER");
        await ownerClient.InviteAsync(caseId, grantedViewer.Username, "VIEWER", ["SEE_ANALYSES", "EXPORT"]);

        var mayExport = new Dictionary<string, bool?>();
        foreach (var (who, account) in new[] { ("owner", owner), ("editor", editor), ("contributor", contributor), ("viewer", viewer), ("granted viewer", grantedViewer), ("stranger", stranger) })
        {
            mayExport[who] = (await ReadAsync(c => c.ForExportAsync(caseId, account.UserId, CancellationToken.None)))?.MayExport;
        }

        var missing = await ReadAsync(c => c.ForExportAsync(Guid.NewGuid(), owner.UserId, CancellationToken.None));
        await NotesApi.ExpectNoContentAsync(ownerClient.DeleteAsync($"/api/v1/cases/{caseId}"));
        var trashed = await ReadAsync(c => c.ForExportAsync(caseId, owner.UserId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(mayExport["owner"], Is.True);
            Assert.That(mayExport["editor"], Is.True, "an editor exports by default");
            Assert.That(mayExport["contributor"], Is.False, "a contributor takes part but may not export");
            Assert.That(mayExport["viewer"], Is.False, "a viewer takes part but may not export");
            Assert.That(mayExport["granted viewer"], Is.True, "a viewer given EXPORT may");
            Assert.That(mayExport["stranger"], Is.Null, "a non-participant learns nothing");
            Assert.That(missing, Is.Null);
            Assert.That(trashed, Is.Null, "a case in the trash reads as none, even to its owner");
        });
    }

    [Test]
    public async Task A_case_reads_with_its_codes_its_participants_its_notes_and_its_recordings_and_its_owner_lists_it()
    {
        var owner = await this.CreateAccountAsync("cx_holder");
        var contributor = await this.CreateAccountAsync("cx_writer");
        using var ownerClient = this.ClientFor(owner);
        using var contributorClient = this.ClientFor(contributor);
        var created = await ownerClient.CreateCaseAsync("Dock dispute", priority: "LOW", description: "Who owns berth 4");
        var caseId = created.Id();
        await ownerClient.InviteAsync(caseId, contributor.Email, "CONTRIBUTOR");
        var ownersNote = await ownerClient.NoteInCaseAsync(caseId, "berth survey");
        var contributorsNote = await contributorClient.NoteInCaseAsync(caseId, "witness account");
        var audioId = await UploadIntoCaseAsync(contributorClient, caseId, await SpeechSamples.DentistWavAsync());
        var otherCase = await this.CaseWithAsync(owner);
        var notOwned = await this.CaseWithAsync(contributor, (owner, "EDITOR"));
        var trashedCase = await this.CaseWithAsync(owner);
        await NotesApi.ExpectNoContentAsync(ownerClient.DeleteAsync($"/api/v1/cases/{trashedCase}"));

        var exported = await ReadAsync(c => c.ForExportAsync(caseId, contributor.UserId, CancellationToken.None));
        var owned = await ReadAsync(c => c.OwnedCaseIdsAsync(owner.UserId, CancellationToken.None));

        Assert.That(exported, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(exported!.Id, Is.EqualTo(caseId));
            Assert.That(exported.Code, Is.EqualTo(created.GetProperty("code").GetString()));
            Assert.That(exported.Title, Is.EqualTo("Dock dispute"));
            Assert.That(exported.Description, Is.EqualTo("Who owns berth 4"));
            Assert.That(exported.Status, Is.EqualTo("ACTIVE"));
            Assert.That(exported.Priority, Is.EqualTo("LOW"));
            Assert.That(exported.ClosedAt, Is.Null);
            Assert.That(exported.MayExport, Is.False);
            Assert.That(exported.Participants.Select(p => (p.UserId, p.Role)), Is.EqualTo(new[] { (owner.UserId, "OWNER"), (contributor.UserId, "CONTRIBUTOR") }));
            Assert.That(exported.NoteIds, Is.EquivalentTo(new[] { ownersNote, contributorsNote }));
            Assert.That(exported.AudioIds, Is.EqualTo(new[] { audioId }));
            Assert.That(owned, Is.EquivalentTo(new[] { caseId, otherCase }), "owned and not in the trash; a case they only edit is not theirs");
            Assert.That(owned, Does.Not.Contain(notOwned));
        });
    }

    private static async Task<Guid> UploadIntoCaseAsync(HttpClient client, Guid caseId, string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var uploaded = await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/cases/{caseId}/recordings", content), HttpStatusCode.Created);
        return uploaded.GetProperty("audioId").GetGuid();
    }

    private async Task<T> ReadAsync<T>(Func<ICaseExports, Task<T>> read)
    {
        await using var scope = CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<ICaseExports>());
    }
}
