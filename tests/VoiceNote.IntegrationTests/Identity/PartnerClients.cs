using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>A registered partner client as its owner received it (the secret is shown only then).</summary>
internal sealed record PartnerClient(Guid Id, string ClientId, string Secret);

/// <summary>Partner clients through the real API: registration by the owner, tokens from POST /connect/token.</summary>
internal static class PartnerClients
{
    public static Task<PartnerClient> RegisterClientAsync(this HttpClient owner, string name, params string[] scopes) =>
        owner.RegisterAppAsync(name, [], scopes);

    /// <summary>A partner client that may also send users through the authorization code flow to these redirect URIs.</summary>
    public static async Task<PartnerClient> RegisterAppAsync(this HttpClient owner, string name, string[] redirectUris, params string[] scopes)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/oauth-clients", new { name, scopes, redirectUris });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body);
        var json = JsonDocument.Parse(body).RootElement;
        return new PartnerClient(json.GetProperty("id").GetGuid(), json.GetProperty("clientId").GetString()!, json.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>The client credentials grant, with client_secret_post (form fields) or client_secret_basic (HTTP Basic).</summary>
    public static async Task<HttpResponseMessage> RequestTokenAsync(this DatabaseFixture fixture, string clientId, string secret, string? scope = null, bool basic = false)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token");
        if (basic)
        {
            var pair = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await fixture.AnonymousClient.SendAsync(request);
    }

    /// <summary>A partner access token for the client; fails the test when none is issued.</summary>
    public static async Task<string> PartnerTokenAsync(this DatabaseFixture fixture, PartnerClient client, string? scope = null, bool basic = false)
    {
        var response = await fixture.RequestTokenAsync(client.ClientId, client.Secret, scope, basic);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Asserts an RFC 6749 §5.2 error answer from the token endpoint.</summary>
    public static async Task AssertOAuthError(this HttpResponseMessage response, int status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), Is.EqualTo(error), body);
    }
}
