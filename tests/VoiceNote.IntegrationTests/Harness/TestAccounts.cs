using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>A registered, signed-in account and its tokens.</summary>
internal sealed record TestAccount(Guid UserId, string Email, string Username, string Password, string AccessToken, string RefreshToken, Guid SessionId);

/// <summary>Accounts made through the real HTTP API (register + JSON sign-in), and clients that carry their tokens.</summary>
internal static class TestAccounts
{
    public const string Password = "Correct-Horse-9";

    public static async Task<TestAccount> CreateAccountAsync(this DatabaseFixture fixture, string? name = null, string? scope = null)
    {
        var username = (name ?? "user") + "_" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{username}@example.test";
        var client = fixture.AnonymousClient;
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, username, password = Password, displayName = name ?? "Test User" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        var userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tokens = await SignInAsync(client, email, Password, scope);
        return new TestAccount(userId, email, username, Password, tokens.AccessToken, tokens.RefreshToken, tokens.SessionId);
    }

    public static async Task<(string AccessToken, string RefreshToken, Guid SessionId)> SignInAsync(HttpClient client, string login, string password, string? scope = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { login, password, scope });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("access_token").GetString()!, json.GetProperty("refresh_token").GetString()!, json.GetProperty("session_id").GetGuid());
    }

    /// <summary>A client that sends the account's access token.</summary>
    public static HttpClient ClientFor(this DatabaseFixture fixture, TestAccount account) => fixture.ClientWithToken(account.AccessToken);

    /// <summary>Makes the account an admin holding exactly these permissions (straight in the database, as an operator would).</summary>
    public static async Task GrantAdminAsync(this DatabaseFixture fixture, TestAccount account, params string[] permissions)
    {
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE identity.users SET is_admin = true, admin_permissions = @p, admin_granted_by = 'test', admin_granted_at = now() WHERE id = @id", connection);
        command.Parameters.AddWithValue("p", permissions);
        command.Parameters.AddWithValue("id", account.UserId);
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    internal static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
