using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Uploads;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Operations.Infrastructure.Settings;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// The operators' system settings (issue 16, docs/decisions/0086): only declared keys with checked values are
/// stored, a change is in force at once in the process that made it and within seconds in another one, and
/// every change is in the admin trail.
/// </summary>
public sealed class SystemSettingsTests : DatabaseFixture
{
    private const string Route = "/api/v1/admin/settings";

    private TestAccount _admin = null!;

    [OneTimeSetUp]
    public async Task CreateOperator()
    {
        _admin = await this.CreateAccountAsync("operator");
        await this.GrantAdminAsync(_admin, AdminPermissions.CanModifySystemSettings);
    }

    [TearDown]
    public async Task ForgetSettings()
    {
        await ScalarAsync<int>("WITH gone AS (DELETE FROM operations.system_settings RETURNING 1) SELECT count(*)::int FROM gone");
        await Api.Services.GetRequiredService<SettingsRefresher>().RefreshAsync(CancellationToken.None);
    }

    [Test]
    public async Task Only_declared_settings_with_valid_values_are_stored()
    {
        using var client = this.ClientFor(_admin);
        await (await client.PutAsJsonAsync($"{Route}/Audio:NoSuchKnob", new { value = 1 })).AssertProblem(HttpStatusCode.NotFound, "settings.unknown");
        await (await client.PutAsJsonAsync($"{Route}/Identity:RegistrationOpen", new { value = "no" })).AssertProblem(HttpStatusCode.BadRequest, "settings.invalid_value");
        await (await client.PutAsJsonAsync($"{Route}/Audio:MaxUploadBytes", new { value = 10 })).AssertProblem(HttpStatusCode.BadRequest, "settings.invalid_value");
        await (await client.PutAsJsonAsync($"{Route}/Jobs:Retention", new { value = "twelve hours" })).AssertProblem(HttpStatusCode.BadRequest, "settings.invalid_value");
        await (await client.PutAsJsonAsync($"{Route}/Speech:DefaultEngine", new { value = "WHISPER" })).AssertProblem(HttpStatusCode.BadRequest, "settings.invalid_value");
        await (await client.PutAsJsonAsync($"{Route}/Engines:AllowedHosts", new { value = new[] { "not a host" } })).AssertProblem(HttpStatusCode.BadRequest, "settings.invalid_value");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM operations.system_settings"), Is.Zero, "nothing refused is stored");

        var listed = await client.GetFromJsonAsync<JsonElement>(Route);
        var registration = listed.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "Identity:RegistrationOpen");
        Assert.Multiple(() =>
        {
            Assert.That(registration.GetProperty("value").GetBoolean(), Is.True);
            Assert.That(registration.GetProperty("overridden").GetBoolean(), Is.False);
            Assert.That(registration.GetProperty("kind").GetString(), Is.EqualTo("BOOLEAN"));
        });
    }

    [Test]
    public async Task An_upload_limit_changes_at_once_is_audited_and_comes_back_when_reset()
    {
        var user = await this.CreateAccountAsync("uploader");
        using var uploads = this.ClientFor(user);
        using var client = this.ClientFor(_admin);
        var zeros = Path.Combine(Path.GetTempPath(), $"vn-settings-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(zeros, new byte[(1 << 20) + 4096]);
        try
        {
            // Under the files' limit, 1 MiB of zeros is read and refused as not audio; under 1 MiB it is too large first.
            await (await uploads.SendAsync(AudioUploadTests.Upload(zeros, multipart: false))).AssertProblem(HttpStatusCode.UnsupportedMediaType, "audio.not_audio");

            var changed = await client.PutAsJsonAsync($"{Route}/Audio:MaxUploadBytes", new { value = 1 << 20 });
            var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("value").GetInt64(), Is.EqualTo(1 << 20));
            await (await uploads.SendAsync(AudioUploadTests.Upload(zeros, multipart: false))).AssertProblem(HttpStatusCode.RequestEntityTooLarge, "audio.too_large");

            Assert.That((await client.DeleteAsync($"{Route}/Audio:MaxUploadBytes")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            await (await uploads.SendAsync(AudioUploadTests.Upload(zeros, multipart: false))).AssertProblem(HttpStatusCode.UnsupportedMediaType, "audio.not_audio");
        }
        finally
        {
            File.Delete(zeros);
        }

        var trail = await WaitForAsync(async () => await ScalarAsync<long>($"""
            SELECT count(*) FROM activity.entries WHERE type_code = 'ADMIN_ACTION' AND user_id = '{_admin.UserId}'
              AND details ->> 'action' = 'settings.changed' AND details -> 'changed' ->> 'setting' = 'Audio:MaxUploadBytes'
            """), n => n == 2);
        Assert.That(trail, Is.EqualTo(2), "the change and the reset are both in the admin trail");
        Assert.That(await ScalarAsync<string>($"""
            SELECT details -> 'changed' ->> 'to' FROM activity.entries WHERE type_code = 'ADMIN_ACTION' AND user_id = '{_admin.UserId}'
              AND details -> 'changed' ->> 'setting' = 'Audio:MaxUploadBytes' AND details -> 'changed' ->> 'from' IS NULL
            """), Is.EqualTo("1048576"));
    }

    [Test]
    public async Task Closed_registration_refuses_new_accounts_until_it_is_opened_again()
    {
        using var client = this.ClientFor(_admin);
        Assert.That((await client.PutAsJsonAsync($"{Route}/Identity:RegistrationOpen", new { value = false })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await Register(Client)).AssertProblem(HttpStatusCode.Forbidden, "identity.registration_closed");

        Assert.That((await client.PutAsJsonAsync($"{Route}/Identity:RegistrationOpen", new { value = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Register(Client)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Maintenance_mode_refuses_writes_serves_reads_and_keeps_the_way_out_open()
    {
        var user = await this.CreateAccountAsync("writer");
        using var notes = this.ClientFor(user);
        using var client = this.ClientFor(_admin);
        Assert.That((await client.PutAsJsonAsync($"{Route}/Operations:MaintenanceMode", new { value = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var refused = await notes.PostAsJsonAsync("/api/v1/notes", new { title = "During maintenance" });
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        await refused.AssertProblem(HttpStatusCode.ServiceUnavailable, "maintenance");
        Assert.That((await notes.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads are served");
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE owner_id = '{user.UserId}'"), Is.Zero);
        await TestAccounts.SignInAsync(Client, _admin.Email, _admin.Password); // an operator can still sign in

        Assert.That((await client.PutAsJsonAsync($"{Route}/Operations:MaintenanceMode", new { value = false })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await notes.PostAsJsonAsync("/api/v1/notes", new { title = "After maintenance" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_change_made_through_one_process_is_seen_by_another_within_five_seconds_and_so_is_its_reset()
    {
        // Another OS process of the same deployment (the built host's serve verb): same database, same storage root
        // and master key, its own settings poll. Only the database carries the change to it.
        var port = LoopbackPorts.Closed();
        await using var second = HostProcess.Server(port, ConnectionString, Api.StorageRoot, new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "false",
            ["Storage:Sweep:Enabled"] = "false",
            ["Identity:AllowHttp"] = "true", // plain HTTP on loopback, as behind a TLS-terminating proxy
            ["RateLimits:auth:PermitLimit"] = "100000", // registration is polled below
        });
        using var other = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await HostProcess.AnswersAsync(other), TimeSpan.FromSeconds(60)), Is.True, "the second process started");
        Assert.That((await Register(other)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "open before the change");

        using var client = this.ClientFor(_admin);
        Assert.That((await client.PutAsJsonAsync($"{Route}/Identity:RegistrationOpen", new { value = false })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var closing = Stopwatch.StartNew();
        var closed = await WithinFiveSecondsAsync(async () => (await Register(other)).StatusCode == HttpStatusCode.Forbidden);
        Assert.That(closed, Is.True, $"the second process still registered accounts {closing.Elapsed.TotalSeconds:0.0} s after the change");
        await (await Register(other)).AssertProblem(HttpStatusCode.Forbidden, "identity.registration_closed");

        Assert.That((await client.DeleteAsync($"{Route}/Identity:RegistrationOpen")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var opening = Stopwatch.StartNew();
        var opened = await WithinFiveSecondsAsync(async () => (await Register(other)).StatusCode == HttpStatusCode.Created);
        Assert.That(opened, Is.True, $"the second process still refused registrations {opening.Elapsed.TotalSeconds:0.0} s after the reset");
        Assert.That(second.HasExited, Is.False);
    }

    private static Task<HttpResponseMessage> Register(HttpClient client)
    {
        var username = "newcomer_" + Guid.NewGuid().ToString("N")[..8];
        return client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"{username}@example.test", username, password = TestAccounts.Password });
    }

    /// <summary>Polls until <paramref name="done"/> or 5 s have passed (issue 16: every process applies a change within 5 s).</summary>
    private static async Task<bool> WithinFiveSecondsAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }


    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
