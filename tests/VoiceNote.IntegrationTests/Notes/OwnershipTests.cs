using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Generated from the host's route table, not written by hand: every /api/v1/notes* and
/// /api/v1/tasks* route that names a resource answers 404 to a second user when given the first
/// user's real note and task ids, and changes nothing; routes that name none never show them.
/// A route added later is covered the moment it is mapped.
/// </summary>
public sealed partial class OwnershipTests : DatabaseFixture
{
    /// <summary>
    /// Bodies that are valid for each route that needs one, so that a refusal can only come from
    /// ownership. A new route needing a body fails here (400) until it gets a sample.
    /// </summary>
    private static readonly Dictionary<string, string> SampleBodies = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/notes/{noteId}/tasks"] = """{ "description": "Steal this task" }""",
        ["PUT /api/v1/notes/{id}/priority"] = """{ "priority": "LOW" }""",
        ["PUT /api/v1/notes/{id}/status"] = """{ "status": "DONE" }""",
        ["PUT /api/v1/notes/{noteId}/tasks/order"] = """{ "taskIds": ["{taskId}"] }""",
        ["POST /api/v1/notes"] = """{ "title": "The second user's own note" }""",
    };

    [Test]
    public async Task A_second_user_gets_404_on_every_note_and_task_route_of_the_first()
    {
        var owner = await this.CreateAccountAsync("owner");
        var other = await this.CreateAccountAsync("other");
        using var ownerClient = this.ClientFor(owner);
        using var otherClient = this.ClientFor(other);
        var note = (await ownerClient.CreateNoteAsync(new { title = "Private plans", summary = "Only mine", transcripts = new[] { new { engine = "LOCAL", text = "secret words" } } })).Id();
        var task = (await ownerClient.CreateTaskAsync(note, new { description = "Private task", deadline = DateTimeOffset.UtcNow.AddHours(1) })).Id();
        // The background embedding changes the note's embedding fields: let it land before the snapshot.
        await this.WaitForEmbeddingsAsync(owner.UserId);
        var trashed = (await ownerClient.CreateNoteAsync("Already in my trash")).Id();
        await ownerClient.DeleteAsync($"/api/v1/notes/{trashed}").ExpectNoContentAsync();
        var before = await ownerClient.GetJsonAsync($"/api/v1/notes/{note}");

        var routes = NoteAndTaskRoutes();
        Assert.That(routes.Count(r => r.Pattern.Contains('{', StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(20), "the route table was read");

        var checkedRoutes = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var key = $"{method} {pattern}";
            var path = Substitute(pattern, pattern.Contains("/trash/", StringComparison.Ordinal) ? trashed : note, task);
            var body = SampleBodies.GetValueOrDefault(key, "{}").Replace("{taskId}", task.ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            var response = await otherClient.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (pattern.Contains('{', StringComparison.Ordinal))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{key} as {path}: {text}");
                Assert.That(text, Does.Not.Contain("Private").And.Not.Contain("secret"), key);
            }
            else
            {
                Assert.That((int)response.StatusCode, Is.LessThan(500), $"{key}: {text}");
                Assert.That(text, Does.Not.Contain(note.ToString()).And.Not.Contain(task.ToString()).And.Not.Contain(trashed.ToString()), $"{key} shows the first user's ids");
            }

            checkedRoutes.Add(key);
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, checkedRoutes));
        var after = await ownerClient.GetJsonAsync($"/api/v1/notes/{note}");
        Assert.Multiple(async () =>
        {
            Assert.That(after.GetRawText(), Is.EqualTo(before.GetRawText()), "the first user's note and its tasks are untouched");
            Assert.That((await ownerClient.GetJsonAsync($"/api/v1/notes/{trashed}")).GetProperty("isDeleted").GetBoolean(), Is.True, "the trashed note is still there");
        });
    }

    /// <summary>The mapped (method, pattern) pairs under /api/v1/notes and /api/v1/tasks, from the running host.</summary>
    private List<(string Method, string Pattern)> NoteAndTaskRoutes() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && NoteOrTaskRoute().IsMatch(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal)
            .ToList();

    /// <summary>Puts real ids into a pattern: task routes' {id} and every {taskId} get the task, note routes' {id}/{noteId} the note.</summary>
    private static string Substitute(string pattern, Guid note, Guid task)
    {
        var isTaskRoute = pattern.StartsWith("/api/v1/tasks", StringComparison.Ordinal);
        return RouteParameter().Replace(pattern, match => match.Groups[1].Value switch
        {
            "taskId" => task.ToString(),
            "noteId" => note.ToString(),
            "id" => (isTaskRoute ? task : note).ToString(),
            var other => throw new InvalidOperationException($"No sample value for route parameter '{other}' in {pattern}; add one here."),
        });
    }

    [GeneratedRegex(@"^/api/v1/(notes|tasks)(/|$)")]
    private static partial Regex NoteOrTaskRoute();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
