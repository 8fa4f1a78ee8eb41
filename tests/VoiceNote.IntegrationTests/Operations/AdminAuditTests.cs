using System.Net;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// Every use of an admin permission is in the audit trail (issue 16, docs/decisions/0090): a note viewed, a
/// search (with its words), a refused write, a settings read — each an ADMIN_ACTION entry with the use case, its
/// request and the outcome. A user's own requests leave no such entry.
/// </summary>
public sealed class AdminAuditTests : DatabaseFixture
{
    [Test]
    public async Task Admin_reads_searches_and_refused_writes_are_each_in_the_trail()
    {
        var owner = await this.CreateAccountAsync("owner");
        using var ownerClient = this.ClientFor(owner);
        var note = (await ownerClient.CreateNoteAsync("Quarterly figures for the board")).Id();
        var admin = await this.CreateAccountAsync("auditor");
        await this.GrantAdminAsync(admin, AdminPermissions.CanViewAllNotes, AdminPermissions.CanModifySystemSettings);
        using var client = this.ClientFor(admin);

        Assert.That((await client.GetAsync($"/api/v1/admin/notes/{note}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/api/v1/admin/notes/search?q=quarterly&mode=text")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync($"/api/v1/admin/notes/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/api/v1/admin/settings")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ownerClient.GetAsync($"/api/v1/notes/{note}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var trail = $"FROM activity.entries WHERE type_code = 'ADMIN_ACTION' AND details ->> 'action' = 'admin.access'";
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ScalarAsync<long>($"SELECT count(*) {trail} AND user_id = '{admin.UserId}' AND details ->> 'useCase' = 'ViewAnyNote' AND details -> 'request' ->> 'Id' = '{note}' AND details ->> 'outcome' = 'ok'"), Is.EqualTo(1), "the note viewed");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) {trail} AND user_id = '{admin.UserId}' AND details ->> 'useCase' = 'SearchAllNotes' AND details -> 'request' ->> 'Q' = 'quarterly'"), Is.EqualTo(1), "the search, with its words");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) {trail} AND user_id = '{admin.UserId}' AND details ->> 'useCase' = 'ViewAnyNote' AND details ->> 'outcome' <> 'ok'"), Is.EqualTo(1), "a lookup that found nothing, with its error code");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) {trail} AND user_id = '{admin.UserId}' AND details ->> 'useCase' = 'ListSettings'"), Is.EqualTo(1), "a settings read");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) {trail} AND user_id = '{owner.UserId}'"), Is.Zero, "the owner's own reads are not admin access");
        });
    }
}
