using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Cases;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Security;
using VoiceNote.Modules.Activity.Infrastructure.Retention;

namespace VoiceNote.IntegrationTests.Activity;

/// <summary>
/// The activity log (issue 14 item 4, ADR 0078): a user's own security log with address and user agent, the operators'
/// view behind a permission, entries nobody can edit or delete, and retention. Addresses come from X-Forwarded-For
/// through the trusted local proxy, as in production behind one.
/// </summary>
public sealed class ActivityLogTests : DatabaseFixture
{
    private const string Guesser = "203.0.113.9";
    private const string Home = "198.51.100.4";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["ForwardedHeaders:KnownProxies:1"] = "::1",
        ["Activity:RetentionDays"] = "30",
    };

    [Test]
    public async Task Sign_in_failed_sign_in_and_password_change_are_in_the_own_log_with_address_and_user_agent()
    {
        var account = await this.CreateAccountAsync("secure");
        Assert.That((await SignIn(account.Email, "Wrong-Horse-1", Guesser, "GuessBot/0.1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var signedIn = await SignIn(account.Username, account.Password, Home, "VoiceNoteTests/1.0 (Linux)");
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var client = this.ClientWithToken(token);
        using (var change = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/password") { Content = JsonContent.Create(new { currentPassword = account.Password, newPassword = "Another-Horse-77" }) })
        {
            change.Headers.Add("X-Forwarded-For", Home);
            change.Headers.UserAgent.ParseAdd("VoiceNoteTests/1.0");
            Assert.That((await client.SendAsync(change)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        // Registration's own sign-in is there too: four entries, newest first.
        var log = await client.WaitForItemsAsync("/api/v1/me/activity", items => items.Count >= 4);
        Assert.That(log.Select(e => e.Type()), Is.EqualTo(new[] { "PASSWORD_CHANGED", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN" }));
        var (changed, signIn, failed) = (log[0], log[1], log[2]);
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(e => e.Guid("actorId")), Is.All.EqualTo(account.UserId));
            Assert.That(failed.Text("ipAddress"), Is.EqualTo(Guesser));
            Assert.That(failed.Text("userAgent"), Is.EqualTo("GuessBot/0.1"));
            Assert.That(failed.GetProperty("details").GetProperty("reason").GetString(), Is.EqualTo("invalid_credentials"));
            Assert.That(signIn.Text("ipAddress"), Is.EqualTo(Home));
            Assert.That(signIn.Text("userAgent"), Is.EqualTo("VoiceNoteTests/1.0 (Linux)"));
            Assert.That(signIn.Text("clientId"), Is.Not.Null.And.Not.Empty, "the app signed in through");
            Assert.That(changed.Text("ipAddress"), Is.EqualTo(Home));
            Assert.That(changed.Text("userAgent"), Is.EqualTo("VoiceNoteTests/1.0"));
            Assert.That(changed.GetProperty("at").GetDateTimeOffset(), Is.GreaterThan(signIn.GetProperty("at").GetDateTimeOffset()));
        });
    }

    [Test]
    public async Task Another_users_entries_never_appear_and_case_work_stays_out_of_the_security_log()
    {
        var mine = await this.CreateAccountAsync("mine");
        var theirs = await this.CreateAccountAsync("theirs");
        await SignIn(theirs.Email, "Wrong-Horse-2", Guesser, "GuessBot/0.2");
        using var theirClient = this.ClientFor(theirs);
        await theirClient.CreateCaseAsync("Their matter");
        await SignIn(mine.Email, "Wrong-Horse-3", Guesser, "GuessBot/0.3");
        using var myClient = this.ClientFor(mine);
        await myClient.CreateCaseAsync("My matter");

        // Their second entry (the failure) was written before mine: once mine is there, theirs has been delivered too.
        var myLog = await myClient.WaitForItemsAsync("/api/v1/me/activity?limit=100", items => items.Any(e => e.Type() == "SIGN_IN_FAILED"));
        var theirLog = await theirClient.WaitForItemsAsync("/api/v1/me/activity?limit=100", items => items.Any(e => e.Type() == "SIGN_IN_FAILED"));
        Assert.Multiple(() =>
        {
            Assert.That(myLog.Select(e => e.Guid("actorId")), Is.All.EqualTo(mine.UserId));
            Assert.That(myLog.Select(e => e.Text("userAgent")), Does.Not.Contain("GuessBot/0.2"));
            Assert.That(myLog.Select(e => e.Type()), Is.EquivalentTo(new[] { "SIGN_IN_FAILED", "SIGN_IN" }), "case work is not security");
            Assert.That(theirLog.Select(e => e.Guid("actorId")), Is.All.EqualTo(theirs.UserId));
            Assert.That(theirLog.Select(e => e.GetProperty("id").GetGuid()), Is.Not.SubsetOf(myLog.Select(e => e.GetProperty("id").GetGuid())));
            Assert.That(theirLog.Select(e => e.GetProperty("id").GetGuid()).Intersect(myLog.Select(e => e.GetProperty("id").GetGuid())), Is.Empty);
        });
    }

    [Test]
    public async Task The_operators_view_needs_can_manage_admins_and_filters_by_user_type_item_and_time()
    {
        var user = await this.CreateAccountAsync("plain");
        var analyst = await this.CreateAccountAsync("analyst");
        await this.GrantAdminAsync(analyst, AdminPermissions.CanViewAllUsers, AdminPermissions.CanViewAnalytics);
        var manager = await this.CreateAccountAsync("manager");
        await this.GrantAdminAsync(manager, AdminPermissions.CanManageAdmins);
        using var userClient = this.ClientFor(user);
        using var analystClient = this.ClientFor(analyst);
        using var managerClient = this.ClientFor(manager);

        Assert.That((await userClient.GetAsync("/api/v1/admin/activity")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await analystClient.GetAsync("/api/v1/admin/activity")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await AnonymousClient.GetAsync("/api/v1/admin/activity")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var caseId = (await userClient.CreateCaseAsync("Watched matter")).Id();
        var unknownLogin = "nobody_" + Guid.NewGuid().ToString("N")[..8];
        await SignIn(unknownLogin, "Wrong-Horse-4", Guesser, "GuessBot/0.4");

        var ofUser = await managerClient.WaitForItemsAsync($"/api/v1/admin/activity?userId={user.UserId}&limit=100", items => items.Any(e => e.Type() == "CASE_CREATED") && items.Any(e => e.Type() == "SIGN_IN"));
        Assert.Multiple(() =>
        {
            Assert.That(ofUser.Select(e => e.Guid("actorId")), Is.All.EqualTo(user.UserId));
            Assert.That(ofUser.Select(e => e.Type()), Is.EquivalentTo(new[] { "CASE_CREATED", "SIGN_IN" }));
            Assert.That(ofUser.Single(e => e.Type() == "CASE_CREATED").Text("ipAddress"), Is.EqualTo("127.0.0.1"), "the operators see addresses");
        });

        var byItem = await managerClient.ItemsAsync($"/api/v1/admin/activity?itemType=CASE&itemId={caseId}");
        Assert.That(byItem.Select(e => e.Type()), Is.EqualTo(new[] { "CASE_CREATED" }));

        // A failure for a login that names no account: no user, and nothing of what was typed.
        var failures = await managerClient.WaitForItemsAsync("/api/v1/admin/activity?type=SIGN_IN_FAILED&limit=100", items => items.Any(e => e.Text("userAgent") == "GuessBot/0.4"));
        var unknown = failures.Single(e => e.Text("userAgent") == "GuessBot/0.4");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Guid("actorId"), Is.Null);
            Assert.That(unknown.Guid("itemId"), Is.Null);
            Assert.That(unknown.Text("ipAddress"), Is.EqualTo(Guesser));
            Assert.That(unknown.GetRawText(), Does.Not.Contain(unknownLogin));
            Assert.That(failures.Select(e => e.Type()), Is.All.EqualTo("SIGN_IN_FAILED"));
        });

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.That(await managerClient.ItemsAsync($"/api/v1/admin/activity?from={future}"), Is.Empty);
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        Assert.That(await managerClient.ItemsAsync($"/api/v1/admin/activity?from={past}&userId={user.UserId}"), Has.Count.EqualTo(2));
        await (await managerClient.GetAsync($"/api/v1/admin/activity?from={future}&to={past}")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Entries_cannot_be_changed_through_the_API_or_the_database_and_the_prune_removes_only_old_ones()
    {
        var routes = RouteTable.Read(Api.Services).Where(r => r.Pattern.Contains("/activity", StringComparison.Ordinal)).Select(r => r.Name).ToList();
        Assert.That(routes, Is.EquivalentTo(new[] { "GET /api/v1/me/activity", "GET /api/v1/admin/activity" }), "no route edits or deletes an entry");

        var account = await this.CreateAccountAsync("kept");
        using var client = this.ClientFor(account);
        var recent = (await client.WaitForItemsAsync("/api/v1/me/activity", items => items.Count == 1)).Single().GetProperty("id").GetGuid();

        var old = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"INSERT INTO activity.entries (id, type_code, user_id, occurred_at) VALUES ('{old}', 'SIGN_IN', '{account.UserId}', now() - interval '31 days')");

        var update = Assert.ThrowsAsync<PostgresException>(() => Execute(connection, $"UPDATE activity.entries SET ip_address = '10.0.0.1' WHERE id = '{recent}'"));
        var delete = Assert.ThrowsAsync<PostgresException>(() => Execute(connection, $"DELETE FROM activity.entries WHERE id = '{recent}'"));
        Assert.Multiple(() =>
        {
            Assert.That(update!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
            Assert.That(delete!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
        });
        Assert.That((await client.ItemsAsync("/api/v1/me/activity")).Select(e => e.GetProperty("id").GetGuid()), Is.EqualTo(new[] { recent, old }));

        var removed = await Api.Services.GetRequiredService<ActivityRetention>().PruneAsync(CancellationToken.None);
        Assert.That(removed, Is.GreaterThanOrEqualTo(1));
        Assert.That((await client.ItemsAsync("/api/v1/me/activity")).Select(e => e.GetProperty("id").GetGuid()), Is.EqualTo(new[] { recent }));
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM activity.entries WHERE occurred_at < now() - interval '30 days'"), Is.Zero);
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private Task<HttpResponseMessage> SignIn(string login, string password, string address, string userAgent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        request.Headers.UserAgent.ParseAdd(userAgent);
        return AnonymousClient.SendAsync(request);
    }
}
