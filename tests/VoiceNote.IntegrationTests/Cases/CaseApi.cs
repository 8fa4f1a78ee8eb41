using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>The case calls the tests repeat, through the real HTTP API.</summary>
internal static class CaseApi
{
    public static async Task<JsonElement> CreateCaseAsync(this HttpClient client, string title, string? priority = null, string? description = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { title, description, priority });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task InviteAsync(this HttpClient owner, Guid caseId, string login, string role, string[]? permissions = null)
    {
        var response = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/participants", new { login, role, permissions });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    public static async Task RemoveAsync(this HttpClient owner, Guid caseId, Guid userId)
    {
        var response = await owner.DeleteAsync($"/api/v1/cases/{caseId}/participants/{userId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>A new note of the caller's, added to the case; its id.</summary>
    public static async Task<Guid> NoteInCaseAsync(this HttpClient client, Guid caseId, string title, string? summary = null)
    {
        var created = await client.PostAsJsonAsync("/api/v1/notes", new { title, summary });
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var noteId = JsonDocument.Parse(body).RootElement.Id();
        var attached = await client.PostAsync($"/api/v1/cases/{caseId}/notes/{noteId}", null);
        Assert.That(attached.StatusCode, Is.EqualTo(HttpStatusCode.Created), await attached.Content.ReadAsStringAsync());
        return noteId;
    }

    /// <summary>A case with an owner and one participant per other account in <paramref name="roles"/>.</summary>
    public static async Task<Guid> CaseWithAsync(this DatabaseFixture fixture, TestAccount owner, params (TestAccount Account, string Role)[] roles)
    {
        using var client = fixture.ClientFor(owner);
        var id = (await client.CreateCaseAsync("Harbour incident " + Guid.NewGuid().ToString("N")[..6])).Id();
        foreach (var (account, role) in roles)
        {
            await client.InviteAsync(id, account.Username, role);
        }

        return id;
    }
}
