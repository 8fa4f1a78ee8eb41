using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.Exports.Contracts;

/// <summary>
/// What the Exports module reads of an account (issue 15, <see cref="IAccountExports"/>): the profile and settings its
/// owner takes away, which providers hold a key, and never a secret. Accounts are made through the real API.
/// </summary>
public sealed class AccountExportsTests : DatabaseFixture
{
    private const string StoredKey = "sk-ax-secret-4f9c2e7d1b-wxyz";

    [Test]
    public async Task A_profile_carries_the_settings_and_the_providers_with_keys_and_no_secret()
    {
        var account = await this.CreateAccountAsync("ax_owner");
        using var client = this.ClientFor(account);
        await NotesApi.ExpectAsync(await client.PutAsJsonAsync("/api/v1/me/api-keys/deepgram", new { apiKey = StoredKey }), HttpStatusCode.OK);
        await client.SetTimeZoneAsync("Europe/Lisbon");

        AccountForExport? profile;
        UserContext? context;
        await using (var scope = CreateScope())
        {
            profile = await scope.ServiceProvider.GetRequiredService<IAccountExports>().ProfileAsync(new UserId(account.UserId), CancellationToken.None);
            context = await scope.ServiceProvider.GetRequiredService<IIdentityModule>().GetUserContextAsync(new UserId(account.UserId), CancellationToken.None);
        }

        Assert.That(profile, Is.Not.Null);
        var json = JsonSerializer.Serialize(profile, JsonSerializerOptions.Web);
        Assert.Multiple(() =>
        {
            Assert.That(profile!.UserId, Is.EqualTo(account.UserId));
            Assert.That(profile.Username, Is.EqualTo(account.Username));
            Assert.That(profile.Email, Is.EqualTo(account.Email));
            Assert.That(profile.DisplayName, Is.EqualTo("ax_owner"));
            Assert.That(profile.Settings.TimeZone, Is.EqualTo("Europe/Lisbon"));
            Assert.That(json, Does.Contain(JsonSerializer.Serialize(context, JsonSerializerOptions.Web)), "the settings are the user's context, as processing reads it");
            Assert.That(profile.ProvidersWithKeys, Is.EqualTo(new[] { ApiKeyProvider.Deepgram }));
            Assert.That(json, Does.Not.Contain(StoredKey), "the stored key never leaves");
            Assert.That(json, Does.Not.Contain(StoredKey[^4..]), "not even its last four");
            Assert.That(json, Does.Not.Contain(account.Password), "nor the password");
            Assert.That(json, Does.Not.Contain("AQAAAA"), "nor an ASP.NET Core Identity password hash");
        });
    }

    [Test]
    public async Task A_deleted_or_unknown_user_has_no_profile_and_a_user_without_keys_lists_no_provider()
    {
        var leaving = await this.CreateAccountAsync("ax_leaving");
        var keyless = await this.CreateAccountAsync("ax_keyless");
        using (var client = this.ClientFor(leaving))
        {
            await NotesApi.ExpectAsync(await client.DeleteAsync("/api/v1/me"), HttpStatusCode.NoContent);
        }

        await using var scope = CreateScope();
        var exports = scope.ServiceProvider.GetRequiredService<IAccountExports>();
        var deleted = await exports.ProfileAsync(new UserId(leaving.UserId), CancellationToken.None);
        var unknown = await exports.ProfileAsync(new UserId(Guid.NewGuid()), CancellationToken.None);
        var withoutKeys = await exports.ProfileAsync(new UserId(keyless.UserId), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.Null);
            Assert.That(unknown, Is.Null);
            Assert.That(withoutKeys?.ProvidersWithKeys, Is.Empty);
            Assert.That(withoutKeys?.Settings.UserId, Is.EqualTo(new UserId(keyless.UserId)));
        });
    }
}
