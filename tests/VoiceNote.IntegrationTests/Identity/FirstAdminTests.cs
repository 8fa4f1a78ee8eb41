using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Application.Admins.Bootstrap;
using VoiceNote.WebApi.Cli;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// Identity:FirstAdmin:Email/Password make that account an admin when the API starts. The test host
/// runs the real entry point (`serve`), which runs the start-up tasks before the server starts, so
/// the account is there as soon as the fixture's host is up. An account somebody registered first is
/// never promoted unless the operator says so, and every creation or promotion is audited (ADR 0068).
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

    [Test]
    public async Task The_first_admin_is_in_the_audit_trail()
    {
        var details = await ScalarAsync<string>(
            $"SELECT a.details FROM identity.admin_actions a JOIN identity.users u ON u.id = a.target_user_id WHERE u.email = '{Email}' AND a.action = '{AdminBootstrapper.AuditAction}'");
        Assert.That(details, Does.Contain("\"configuration\"").And.Contain("\"Created\""));
    }

    [Test]
    public async Task An_account_registered_by_somebody_else_is_promoted_only_when_the_operator_says_so()
    {
        var stranger = await this.CreateAccountAsync("claimed");
        var email = stranger.Email;

        var refused = await BootstrapAsync(email, promoteExisting: false);
        Assert.Multiple(async () =>
        {
            Assert.That(refused.Outcome, Is.EqualTo(AdminBootstrapOutcome.Refused));
            Assert.That(refused.Error, Does.Contain("already exists"));
            Assert.That(await ScalarAsync<bool>($"SELECT is_admin FROM identity.users WHERE email = '{email}'"), Is.False);
        });

        var promoted = await BootstrapAsync(email, promoteExisting: true);
        Assert.Multiple(async () =>
        {
            Assert.That(promoted.Outcome, Is.EqualTo(AdminBootstrapOutcome.Promoted));
            Assert.That(await ScalarAsync<bool>($"SELECT is_admin FROM identity.users WHERE email = '{email}'"), Is.True);
            Assert.That(
                await ScalarAsync<long>($"SELECT count(*) FROM identity.admin_actions a JOIN identity.users u ON u.id = a.target_user_id WHERE u.email = '{email}' AND a.action = '{AdminBootstrapper.AuditAction}'"),
                Is.EqualTo(1), "the refusal changed nothing, the promotion is audited");
        });
    }

    [Test]
    public async Task The_development_seed_refuses_outside_development()
    {
        var exit = await CommandLine.RunAsync(["seed", "--environment", "Staging", $"--ConnectionStrings:VoiceNote={ConnectionString}"]);
        Assert.Multiple(async () =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE email = 'admin@voicenote.local'"), Is.Zero);
        });
    }

    private async Task<AdminBootstrap> BootstrapAsync(string email, bool promoteExisting)
    {
        await using var scope = CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>()
            .EnsureAdminAsync(email, "Operator-Passw0rd-9", username: null, "test", promoteExisting, CancellationToken.None);
    }
}
