using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Cases.Infrastructure;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// The trash purge (ADR 0081): cases in the trash longer than <c>Cases:TrashRetentionDays</c> lose their rows and
/// announce <see cref="VoiceNote.Modules.Cases.Contracts.CasePurged"/> once; younger ones and live ones stay.
/// </summary>
public sealed class CaseTrashPurgeTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cases:TrashRetentionDays"] = "7",
    };

    [Test]
    public async Task Cases_past_the_retention_are_purged_once_with_their_participants_and_versions_and_announced()
    {
        var owner = await this.CreateAccountAsync("purge_owner");
        var viewer = await this.CreateAccountAsync("purge_viewer");
        using var client = this.ClientFor(owner);
        var expired = await this.CaseWithAsync(owner, (viewer, "VIEWER"));
        var young = await this.CaseWithAsync(owner);
        var oldButLive = await this.CaseWithAsync(owner);
        foreach (var id in new[] { expired, young })
        {
            Assert.That((await client.DeleteAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        // A recording only the expired case holds, and one the young case holds too: their versions are the case module's.
        var (onlyThere, shared) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (caseId, audioId) in new[] { (expired, onlyThere), (expired, shared), (young, shared) })
        {
            await ExecuteAsync($"INSERT INTO cases.recordings (case_id, audio_id, owner_id, source, added_by, added_at) VALUES ('{caseId}', '{audioId}', '{owner.UserId}', 'Attached', '{owner.UserId}', now())");
        }

        foreach (var audioId in new[] { onlyThere, shared })
        {
            await ExecuteAsync($"INSERT INTO cases.recording_versions (audio_id, kind, number, engine, language, started_by, created_at, text) VALUES ('{audioId}', 'Transcript', 1, 'LOCAL', 'en', '{owner.UserId}', now(), 'words')");
        }

        await ExecuteAsync($"UPDATE cases.cases SET deleted_at = now() - interval '8 days' WHERE id = '{expired}'");
        await ExecuteAsync($"UPDATE cases.cases SET deleted_at = now() - interval '6 days' WHERE id = '{young}'");
        await ExecuteAsync($"UPDATE cases.cases SET created_at = now() - interval '90 days', updated_at = now() - interval '90 days' WHERE id = '{oldButLive}'");

        var purger = Api.Services.GetRequiredService<CaseTrashPurger>();
        var first = await purger.PurgeAsync(CancellationToken.None);
        var second = await purger.PurgeAsync(CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((1, 0)));
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.cases WHERE id = '{expired}'"), Is.Zero);
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.participants WHERE case_id = '{expired}'"), Is.Zero);
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.recording_versions WHERE audio_id = '{onlyThere}'"), Is.Zero, "no case holds it any more");
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.recording_versions WHERE audio_id = '{shared}'"), Is.EqualTo(1), "the young case still holds it");
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.cases WHERE id IN ('{young}', '{oldButLive}')"), Is.EqualTo(2));
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.outbox_messages WHERE type LIKE '%CasePurged%' AND payload->>'caseId' = '{expired}'"), Is.EqualTo(1));
        Assert.That(await CountAsync("SELECT count(*) FROM cases.outbox_messages WHERE type LIKE '%CasePurged%'"), Is.EqualTo(1), "nothing else was announced");

        await (await client.GetAsync($"/api/v1/cases/{expired}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That((await client.PostAsync($"/api/v1/cases/{young}/restore", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a young case can still come back");
    }

    [Test]
    public async Task Concurrent_purges_announce_each_case_once()
    {
        var owner = await this.CreateAccountAsync("purge_race");
        using var client = this.ClientFor(owner);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var id = await this.CaseWithAsync(owner);
            Assert.That((await client.DeleteAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            ids.Add(id);
        }

        var list = string.Join(", ", ids.Select(id => $"'{id}'"));
        await ExecuteAsync($"UPDATE cases.cases SET deleted_at = now() - interval '30 days' WHERE id IN ({list})");
        var before = await CountAsync("SELECT count(*) FROM cases.outbox_messages WHERE type LIKE '%CasePurged%'");

        var purger = Api.Services.GetRequiredService<CaseTrashPurger>();
        var purged = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => purger.PurgeAsync(CancellationToken.None))));

        Assert.That(purged.Sum(), Is.EqualTo(12));
        Assert.That(await CountAsync($"SELECT count(*) FROM cases.cases WHERE id IN ({list})"), Is.Zero);
        Assert.That(await CountAsync("SELECT count(*) FROM cases.outbox_messages WHERE type LIKE '%CasePurged%'") - before, Is.EqualTo(12));
    }

    private Task<long> CountAsync(string sql) => ScalarAsync<long>(sql);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
