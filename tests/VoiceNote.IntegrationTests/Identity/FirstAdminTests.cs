using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.WebApi.Cli;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// Identity:FirstAdmin:Email/Password make that account an admin when the API starts. The test host
/// runs the real entry point (`serve`), which runs the start-up tasks before the server starts, so
/// the account is there as soon as the fixture's host is up.
/// </summary>
public sealed class FirstAdminTests : DatabaseFixture
{
    private const string Email = "first.admin@example.test";
    private const string Password = "First-Admin-2026";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:FirstAdmin:Email"] = Email,
        ["Identity:FirstAdmin:Password"] = Password,
    };

    [Test]
    public async Task The_configured_first_admin_exists_after_start_up_with_every_permission()
    {
        var tokens = await TestAccounts.SignInAsync(AnonymousClient, Email, Password);
        using var client = ClientWithToken(tokens.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("isAdmin").GetBoolean(), Is.True);
            Assert.That(me.GetProperty("adminPermissions").EnumerateArray().Select(p => p.GetString()), Is.EquivalentTo(AdminPermissions.All));
        });
        Assert.That((await client.GetAsync("/api/v1/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ScalarAsync<string>($"SELECT admin_granted_by FROM identity.users WHERE email = '{Email}'"), Is.EqualTo("system"));

        // A restart runs the task again: still one account, and its session keeps working.
        await CommandLine.RunStartupTasksAsync(Api.Services);
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.users WHERE email = '{Email}'"), Is.EqualTo(1));
        Assert.That((await client.GetAsync("/api/v1/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
