using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.Identity.Application.Purging;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// One retention scheduler (ADR 0084) and the user purge with its log (ADR 0085): a rule removes exactly what is past
/// its period, the admin routes show and run rules, a deleted account is purged, and a replayed purge log purges an
/// account the database holds again.
/// </summary>
public sealed class RetentionTests : DatabaseFixture
{
    private readonly FakeClock _clock = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notes:TrashRetentionDays"] = "30",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Test]
    public async Task The_note_trash_rule_purges_only_notes_past_their_period_and_the_admin_list_shows_the_run()
    {
        _clock.Set(DateTimeOffset.UtcNow);
        var owner = await this.CreateAccountAsync("retention_notes");
        var client = this.ClientFor(owner);
        var old = (await client.CreateNoteAsync("In the trash for long")).Id();
        var kept = (await client.CreateNoteAsync("Never trashed")).Id();
        Assert.That((await client.DeleteAsync($"/api/v1/notes/{old}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        _clock.Advance(TimeSpan.FromDays(20));
        client = await SignedInAgainAsync(owner);
        var young = (await client.CreateNoteAsync("In the trash for a while")).Id();
        Assert.That((await client.DeleteAsync($"/api/v1/notes/{young}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        _clock.Advance(TimeSpan.FromDays(15)); // 35 days in the trash, and 15

        var admin = await this.CreateAccountAsync("retention_admin");
        await this.GrantAdminAsync(admin, AdminPermissions.CanModifySystemSettings);
        using var adminClient = await SignedInAgainAsync(admin);
        var run = await adminClient.PostAsync("/api/v1/admin/retention/notes.trash/run", null);
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), await run.Content.ReadAsStringAsync());
        var body = JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(async () =>
        {
            Assert.That(body.GetProperty("removed").GetInt32(), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE id = '{old}'"), Is.Zero, "past its period: gone");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE id IN ('{young}', '{kept}')"), Is.EqualTo(2), "the rest stays");
            Assert.That(
                await ScalarAsync<long>($"SELECT count(*) FROM notes.outbox_messages WHERE type LIKE '%NotePurged' AND payload::text LIKE '%{old}%'"),
                Is.EqualTo(1), "announced through the owner's purge path");
        });

        var list = await adminClient.GetFromJsonAsync<JsonElement>("/api/v1/admin/retention");
        var notes = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "notes.trash");
        Assert.Multiple(() =>
        {
            Assert.That(notes.GetProperty("configurationKey").GetString(), Is.EqualTo("Notes:TrashRetentionDays"));
            Assert.That(notes.GetProperty("periodSeconds").GetInt64(), Is.EqualTo(30L * 24 * 3600));
            Assert.That(notes.GetProperty("lastRun").GetProperty("removed").GetInt32(), Is.EqualTo(1));
            Assert.That(
                list.EnumerateArray().Select(r => r.GetProperty("name").GetString()),
                Is.SupersetOf(new[] { "jobs.finished", "exports.expired", "notes.trash", "cases.trash", "users.deleted", "activity.old" }));
        });
        await (await adminClient.PostAsync("/api/v1/admin/retention/no.such.rule/run", null)).AssertProblem(HttpStatusCode.NotFound, "retention.rule_not_found");
    }

    [Test]
    public async Task A_deleted_account_is_purged_on_request_and_logged_and_a_replayed_log_purges_an_account_back_in_the_database()
    {
        _clock.Set(DateTimeOffset.UtcNow);
        var admin = await this.CreateAccountAsync("purge_admin");
        await this.GrantAdminAsync(admin, AdminPermissions.CanDeleteUsers);
        using var adminClient = await SignedInAgainAsync(admin);
        var gone = await this.CreateAccountAsync("purge_gone");
        var restored = await this.CreateAccountAsync("purge_restored");

        await (await adminClient.PostAsync($"/api/v1/admin/users/{gone.UserId}/purge", null)).AssertProblem(HttpStatusCode.Conflict, "identity.user_not_deleted");
        Assert.That((await adminClient.DeleteAsync($"/api/v1/admin/users/{gone.UserId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await adminClient.PostAsync($"/api/v1/admin/users/{gone.UserId}/purge", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var log = Api.Services.GetRequiredService<PurgeLog>();
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.users WHERE id = '{gone.UserId}'"), Is.Zero);
            Assert.That(await log.ReadAsync(CancellationToken.None), Does.Contain(gone.UserId));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.admin_actions WHERE target_user_id = '{gone.UserId}'"), Is.Zero, "the trail forgets the id");
        });

        // As if a backup from before its purge had been restored: the log names an account the database holds.
        await log.AppendAsync(restored.UserId, _clock.GetUtcNow(), CancellationToken.None);
        var replayed = await Api.Services.GetRequiredService<PurgeLogReplay>().ReplayAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(replayed, Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.users WHERE id = '{restored.UserId}'"), Is.Zero);
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.users WHERE id = '{admin.UserId}'"), Is.EqualTo(1), "others stay");
            Assert.That(await Api.Services.GetRequiredService<PurgeLogReplay>().ReplayAsync(CancellationToken.None), Is.Zero, "nothing left to purge again");
        });
    }

    private async Task<HttpClient> SignedInAgainAsync(TestAccount account)
    {
        var (accessToken, _, _) = await TestAccounts.SignInAsync(Client, account.Username, account.Password);
        return this.ClientWithToken(accessToken);
    }
}
