using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>After a key rotation new tokens carry the new key id, and tokens signed by the old key still work until they expire.</summary>
public sealed class SigningKeyRotationTests : DatabaseFixture
{
    [Test]
    public async Task Tokens_signed_before_a_rotation_keep_working_and_new_ones_use_the_new_key()
    {
        var before = await this.CreateAccountAsync("rotate");
        var oldKid = KeyIdOf(before.AccessToken);

        var newKid = await Api.Services.GetRequiredService<SigningKeyStore>().RotateAsync(CancellationToken.None);
        var after = await TestAccounts.SignInAsync(AnonymousClient, before.Email, before.Password);

        using var oldClient = this.ClientFor(before);
        using var newClient = ClientWithToken(after.AccessToken);
        var jwks = JsonDocument.Parse(await AnonymousClient.GetStringAsync("/.well-known/jwks.json")).RootElement;
        Assert.Multiple(async () =>
        {
            Assert.That(newKid, Is.Not.EqualTo(oldKid));
            Assert.That(KeyIdOf(after.AccessToken), Is.EqualTo(newKid));
            Assert.That((await oldClient.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await newClient.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()), Is.SupersetOf(new[] { oldKid, newKid }));
        });
    }

    private static string KeyIdOf(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;
}
