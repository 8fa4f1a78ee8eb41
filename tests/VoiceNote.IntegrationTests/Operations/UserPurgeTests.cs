using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Exports;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Identity;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.Identity.Application.Purging;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// Purging an account (ADR 0085) reaches every module: no row and no file names it afterwards, found by searching
/// every column and path rather than the tables the code knows of; what others own stays. And the purge log keeps a
/// restored backup from bringing the account back.
/// </summary>
public sealed class UserPurgeTests : DatabaseFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("voicenote-purge-").FullName;

    // The announcements of the purge itself name the account until the delivered-outbox rule removes them.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:DeliveredRetention"] = "00:00:01",
    };

    [OneTimeTearDown]
    public void RemoveArchives() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_purged_account_leaves_no_row_or_file_in_any_module_and_what_others_own_stays()
    {
        var gone = await this.CreateAccountAsync("purged");
        var colleague = await this.CreateAccountAsync("colleague");
        var admin = await AdminAsync("purging_admin");
        await this.GrantAdminAsync(gone, AdminPermissions.CanModifySystemSettings);
        using var client = await SignedInAgainAsync(gone);

        // Its own: notes, a task, a processed recording, a case of its own, an export, a stored key, a partner
        // client, a setting it changed as an admin.
        var note = (await client.CreateNoteAsync("Dentist on Friday", "Call the dentist before Friday")).Id();
        await client.CreateTaskAsync(note, new { description = "Call the dentist" });
        var spoken = (await client.UploadAsync(await SpeechSamples.DentistWavAsync())).Item.Id();
        Assert.That((await client.WaitUntilFinishedAsync(spoken, TimeSpan.FromMinutes(2))).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        var alone = NotesApi.Id(await Cases.CaseApi.CreateCaseAsync(client, "Boundary dispute"));
        var export = await client.QueueExportAsync("json", "NOTE", note);
        Assert.That((await client.FinishedAsync(export)).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        Assert.That((await client.PutAsJsonAsync("/api/v1/me/api-keys/OPENAI", new { apiKey = "sk-purge-0123456789abcdef" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await client.RegisterClientAsync("Purged partner", "notes:read");
        var setting = await client.PutAsJsonAsync("/api/v1/admin/settings/Exports:PerUserPerHour", new { value = 7 });
        Assert.That(setting.StatusCode, Is.EqualTo(HttpStatusCode.OK), await setting.Content.ReadAsStringAsync());

        // In a colleague's case, as an editor: a note and a recording from its library (they leave with it), a
        // recording uploaded into the case (the case's: it stays).
        var shared = await Cases.CaseApi.CaseWithAsync(this, colleague, (gone, "EDITOR"));
        var linked = await Cases.CaseApi.NoteInCaseAsync(client, shared, "Witness statement", "Seen from the pier");
        await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/cases/{shared}/recordings/{spoken}", null), HttpStatusCode.Created);
        var uploaded = await UploadIntoCaseAsync(client, shared);
        using var colleagueClient = this.ClientFor(colleague);
        var colleaguesNote = await Cases.CaseApi.NoteInCaseAsync(colleagueClient, shared, "Site visit", "Fence moved two metres");
        await client.WaitUntilFinishedAsync(uploaded, TimeSpan.FromMinutes(2));

        var itsFiles = await ScalarListAsync(
            $"SELECT 'audio/' || storage_key FROM audio.audio_files WHERE owner_id = '{gone.UserId}' AND case_id IS NULL "
            + $"UNION ALL SELECT storage_key FROM exports.exports WHERE owner_id = '{gone.UserId}'");
        var casesFile = Path.Combine(Api.StorageRoot, "audio", (await ScalarListAsync($"SELECT storage_key FROM audio.audio_files WHERE id = '{uploaded}'")).Single());
        Assert.That(itsFiles, Has.Count.EqualTo(2), "its recording and its export, before");
        Assert.That(await PurgeTraces.InDatabaseAsync(ConnectionString, gone.UserId), Is.Not.Empty, "the search finds the account before");

        Assert.That((await admin.DeleteAsync($"/api/v1/admin/users/{gone.UserId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await admin.PostAsync($"/api/v1/admin/users/{gone.UserId}/purge", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await PurgeTraces.DrainOutboxesAsync(ConnectionString, TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past Outbox:DeliveredRetention
        var swept = await admin.PostAsync("/api/v1/admin/retention/outbox.delivered/run", null);
        Assert.That(swept.StatusCode, Is.EqualTo(HttpStatusCode.OK), await swept.Content.ReadAsStringAsync());

        // An announcement naming the account that arrives after the purge was handled (any module's, any time).
        var late = new VoiceNote.Modules.Identity.Contracts.PasswordChanged(gone.UserId, DateTimeOffset.UtcNow);
        var recorder = typeof(VoiceNote.Modules.Activity.Application.Recording.RecordPasswordChanged);
        Assert.That(await Api.Services.GetRequiredService<VoiceNote.Infrastructure.Outbox.InboxInvoker>().InvokeAsync(recorder, late, CancellationToken.None), Is.True);
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM activity.entries WHERE id = '{late.Id}'"), Is.EqualTo(1), "it is recorded");

        var caseRecordings = (await colleagueClient.GetJsonAsync($"/api/v1/cases/{shared}/recordings")).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("audioId").GetGuid()).ToList();
        var caseNotes = (await colleagueClient.GetJsonAsync($"/api/v1/cases/{shared}/notes")).GetProperty("items").EnumerateArray().Select(n => n.Id()).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await PurgeTraces.InDatabaseAsync(ConnectionString, gone.UserId), Is.Empty, "no column of any table names the account, late entries included");
            Assert.That(PurgeTraces.InFiles(Api.StorageRoot, gone.UserId), Is.Empty, "no path under the storage root names it");
            Assert.That(itsFiles.Where(key => File.Exists(Path.Combine(Api.StorageRoot, key))), Is.Empty, "its files are gone");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM cases.cases WHERE id = '{alone}'"), Is.Zero, "the case it owned alone is purged");
            Assert.That(await Api.Services.GetRequiredService<PurgeLog>().ReadAsync(CancellationToken.None), Does.Contain(gone.UserId));

            Assert.That(caseRecordings, Is.EqualTo(new[] { uploaded }), "the recording uploaded into the case stays; the one from its library left");
            Assert.That(File.Exists(casesFile), Is.True, "with its file");
            Assert.That(caseNotes, Is.EqualTo(new[] { colleaguesNote }), "its note left the case, the colleague's stays");
            Assert.That(caseNotes, Does.Not.Contain(linked));
            Assert.That((await colleagueClient.GetAsync($"/api/v1/notes/{colleaguesNote}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var settings = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/settings");
            Assert.That(
                settings.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "Exports:PerUserPerHour").GetProperty("value").GetInt32(),
                Is.EqualTo(7), "a setting it changed keeps its value");
        });
    }

    [Test]
    public async Task A_backup_from_before_a_purge_restored_and_started_purges_the_account_again()
    {
        var gone = await this.CreateAccountAsync("purged_after_backup");
        var stays = await this.CreateAccountAsync("stays_after_restore");
        var admin = await AdminAsync("restoring_admin");
        using var client = this.ClientFor(gone);
        await client.CreateNoteAsync("Boat licence renewal", "Renew before the season starts");
        var spoken = (await client.UploadAsync(await SpeechSamples.DentistWavAsync())).Item.Id();
        await client.WaitUntilFinishedAsync(spoken, TimeSpan.FromMinutes(2));
        using var staysClient = this.ClientFor(stays);
        var kept = (await staysClient.CreateNoteAsync("Harbour fees", "Pay the harbour fees")).Id();

        var archive = Path.Combine(_folder, "before-purge.tar");
        var backup = await BackupSupport.RunVerbAsync(ConnectionString, Api.StorageRoot, BackupSupport.Passphrase, "backup", "--out", archive);
        Assert.That(backup.ExitCode, Is.Zero, backup.Errors + backup.Output);
        Assert.That((await admin.DeleteAsync($"/api/v1/admin/users/{gone.UserId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await admin.PostAsync($"/api/v1/admin/users/{gone.UserId}/purge", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        // A new machine: an empty database and storage root, the archive, and the purge log the operator kept.
        await using var target = await RestoreTarget.CreateAsync();
        var restore = await target.RestoreAsync(archive);
        Assert.That(restore.ExitCode, Is.Zero, restore.Errors + restore.Output);
        var restoredUser = $"SELECT count(*) FROM identity.users WHERE id = '{gone.UserId}'";
        Assert.That(await ScalarOnAsync<long>(target.ConnectionString, restoredUser), Is.EqualTo(1), "the archive holds the account");
        Assert.That(PurgeTraces.InFiles(target.StorageRoot, gone.UserId), Is.Not.Empty, "and its recording");

        var port = LoopbackPorts.Closed();
        await using (HostProcess.Server(port, target.ConnectionString, target.StorageRoot, new Dictionary<string, string>
        {
            ["Retention:PurgeLogPath"] = Api.Services.GetRequiredService<PurgeLog>().FilePath,
        }))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.That(await ProcessingApi.EventuallyAsync(() => HostProcess.AnswersAsync(http, "/health/ready"), TimeSpan.FromMinutes(1)), Is.True, "the restored service starts");
            await PurgeTraces.DrainOutboxesAsync(target.ConnectionString, TimeSpan.FromMinutes(1));

            Assert.Multiple(async () =>
            {
                Assert.That(await ScalarOnAsync<long>(target.ConnectionString, restoredUser), Is.Zero, "purged again at start");
                Assert.That(await ScalarOnAsync<long>(target.ConnectionString, $"SELECT count(*) FROM notes.notes WHERE owner_id = '{gone.UserId}'"), Is.Zero);
                Assert.That(await ScalarOnAsync<long>(target.ConnectionString, $"SELECT count(*) FROM audio.audio_files WHERE owner_id = '{gone.UserId}'"), Is.Zero);
                Assert.That(PurgeTraces.InFiles(target.StorageRoot, gone.UserId), Is.Empty, "its restored files are gone again");
                Assert.That(await ScalarOnAsync<long>(target.ConnectionString, $"SELECT count(*) FROM notes.notes WHERE id = '{kept}'"), Is.EqualTo(1), "others' notes stay");
                var signIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = gone.Email, password = gone.Password });
                Assert.That(signIn.IsSuccessStatusCode, Is.False, "the account cannot sign in");
            });
        }
    }


    private static async Task<Guid> UploadIntoCaseAsync(HttpClient client, Guid caseId)
    {
        using var content = BackupSupport.WavOfNoise();
        var response = await client.PostAsync($"/api/v1/cases/{caseId}/recordings", content);
        return (await NotesApi.ExpectAsync(response, HttpStatusCode.Created)).GetProperty("audioId").GetGuid();
    }

    private static async Task<T> ScalarOnAsync<T>(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> ScalarListAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<HttpClient> AdminAsync(string name)
    {
        var admin = await this.CreateAccountAsync(name);
        await this.GrantAdminAsync(admin, AdminPermissions.CanDeleteUsers, AdminPermissions.CanModifySystemSettings);
        return await SignedInAgainAsync(admin);
    }

    private async Task<HttpClient> SignedInAgainAsync(TestAccount account)
    {
        var (accessToken, _, _) = await TestAccounts.SignInAsync(Client, account.Username, account.Password);
        return this.ClientWithToken(accessToken);
    }
}
