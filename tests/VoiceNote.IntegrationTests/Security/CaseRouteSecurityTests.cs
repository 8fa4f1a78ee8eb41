using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing.Patterns;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Cases;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Security;

/// <summary>
/// Every route inside a case, read from the running host's route table, called by four callers (issue 14,
/// ADR 0076): the owner (2xx), a viewer (2xx for reads, 403 for writes), a removed participant and a
/// stranger (404, as for a case that does not exist). A route mapped later is covered the moment it exists;
/// one with a body or a parameter this test does not know fails until it is taught them here.
/// </summary>
public sealed class CaseRouteSecurityTests : DatabaseFixture
{
    private const string CaseRoutes = "/api/v1/cases/{id}";

    /// <summary>Writes a viewer may make: reviewed, like the public routes.</summary>
    private static readonly string[] ViewerMayWrite = ["POST /api/v1/cases/{id}/leave"];

    private TestAccount _owner = null!;
    private TestAccount _coOwner = null!;
    private TestAccount _viewer = null!;
    private TestAccount _removed = null!;
    private TestAccount _stranger = null!;
    private TestAccount _newcomer = null!;

    /// <summary>The owner's processed recording, attached to each fresh case for the routes of a case's recordings.</summary>
    private Guid _audioId;
    private string _wav = string.Empty;

    /// <summary>A valid body per route, so that what decides the answer is the caller, never the body.</summary>
    private Dictionary<string, object> Bodies => new(StringComparer.Ordinal)
    {
        ["PATCH /api/v1/cases/{id}"] = new { title = "Renamed", priority = "HIGH" },
        ["POST /api/v1/cases/{id}/close"] = new { reason = "Done" },
        ["POST /api/v1/cases/{id}/reopen"] = new { reason = "Again" },
        ["POST /api/v1/cases/{id}/participants"] = new { login = _newcomer.Username, role = "VIEWER" },
        ["PUT /api/v1/cases/{id}/participants/{userId}"] = new { role = "EDITOR" },
        ["POST /api/v1/cases/{id}/notes"] = new { title = "Witness statement", summary = "Saw the crane tip over at noon." },
        ["PATCH /api/v1/cases/{id}/notes/{noteId}"] = new { title = "Witness statement, corrected" },
        ["POST /api/v1/cases/{id}/recordings/{audioId}/process"] = new { engine = "local" },
    };

    /// <summary>Routes whose body is not JSON: the upload takes the audio itself (the owner's same bytes: the recording already attached).</summary>
    private Dictionary<string, Func<HttpContent>> RawBodies => new(StringComparer.Ordinal)
    {
        ["POST /api/v1/cases/{id}/recordings"] = () =>
        {
            var content = new ByteArrayContent(File.ReadAllBytes(_wav));
            content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            return content;
        },
    };

    /// <summary>Query strings a route needs to answer 2xx.</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/cases/{id}/search"] = "?q=crane",
        ["GET /api/v1/cases/{id}/recordings/{audioId}/transcripts/diff"] = "?from=1&to=1",
    };

    [OneTimeSetUp]
    public async Task CreateCallers()
    {
        _owner = await this.CreateAccountAsync("route_owner");
        _coOwner = await this.CreateAccountAsync("route_coowner");
        _viewer = await this.CreateAccountAsync("route_viewer");
        _removed = await this.CreateAccountAsync("route_removed");
        _stranger = await this.CreateAccountAsync("route_stranger");
        _newcomer = await this.CreateAccountAsync("route_newcomer");

        // One processed recording of the owner's, so every recording route has a recording with version 1 to act on.
        _wav = await SpeechSamples.DentistWavAsync();
        using var owner = this.ClientFor(_owner);
        var (_, item) = await owner.UploadAsync(_wav);
        _audioId = item.Id();
        var processed = await owner.WaitUntilFinishedAsync(_audioId, TimeSpan.FromMinutes(2));
        Assert.That(processed.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), processed.ToString());
    }

    [Test]
    public async Task Every_case_route_answers_owner_viewer_removed_participant_and_stranger_as_their_part_in_the_case_allows()
    {
        var routes = RouteTable.Read(Api.Services).Where(r => r.Pattern.StartsWith(CaseRoutes, StringComparison.Ordinal)).ToList();
        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(10), "the case routes were read");

        using var owner = this.ClientFor(_owner);
        using var viewer = this.ClientFor(_viewer);
        using var removed = this.ClientFor(_removed);
        using var stranger = this.ClientFor(_stranger);
        var failures = new List<string>();
        var table = new StringBuilder();
        foreach (var route in routes)
        {
            // A fresh case per route: the owner's own call may close, delete or leave it.
            var caseId = await this.CaseWithAsync(_owner, (_coOwner, "OWNER"), (_viewer, "VIEWER"), (_removed, "EDITOR"));
            await owner.RemoveAsync(caseId, _removed.UserId);
            if (route.Pattern.Contains("/recordings", StringComparison.Ordinal))
            {
                var attached = await owner.PostAsync($"/api/v1/cases/{caseId}/recordings/{_audioId}", null);
                Assert.That(attached.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await attached.Content.ReadAsStringAsync());
            }

            // The note a route acts on: the owner's, in the case (adding it again is a 200).
            var noteId = route.Pattern.Contains("{noteId}", StringComparison.Ordinal) ? await owner.NoteInCaseAsync(caseId, "Crane inspection log") : Guid.Empty;

            var isRead = route.Method == "GET";
            var expected = new (string Who, HttpClient Client, Func<int, bool> Allowed, string Want)[]
            {
                ("viewer", viewer, isRead || ViewerMayWrite.Contains(route.Name) ? Is2xx : s => s == 403, isRead || ViewerMayWrite.Contains(route.Name) ? "2xx" : "403"),
                ("removed participant", removed, s => s == 404, "404"),
                ("stranger", stranger, s => s == 404, "404"),
                ("owner", owner, Is2xx, "2xx"),
            };

            var answers = new List<string>();
            foreach (var (who, client, allowed, want) in expected)
            {
                using var request = RequestFor(route, caseId, noteId, failures);
                if (request is null)
                {
                    break;
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                answers.Add($"{who} {status}");
                if (!allowed(status))
                {
                    failures.Add($"{route.Name}: the {who} got {status}, not {want}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (status is (403 or 404) && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{route.Name}: the {who}'s {status} is not a problem");
                }
            }

            table.AppendLine($"{route.Name}: {string.Join(", ", answers)}");
        }

        TestContext.Out.WriteLine(table.ToString());
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task The_routes_outside_one_case_serve_any_signed_in_user_only_their_own_cases()
    {
        var routes = RouteTable.Read(Api.Services).Where(r => r.Pattern.StartsWith("/api/v1/cases", StringComparison.Ordinal) && !r.Pattern.StartsWith(CaseRoutes, StringComparison.Ordinal))
            .Select(r => r.Name).ToList();
        Assert.That(routes, Is.EquivalentTo(new[] { "GET /api/v1/cases", "POST /api/v1/cases", "GET /api/v1/cases/statuses", "GET /api/v1/cases/priorities" }),
            "a new route outside /cases/{id} decides its own access: review it and add it here");

        var caseId = await this.CaseWithAsync(_owner, (_viewer, "VIEWER"));
        using var stranger = this.ClientFor(_stranger);
        var listed = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/cases?limit=100");
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Not.Contain(caseId));
        using var viewer = this.ClientFor(_viewer);
        var viewerList = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/cases?limit=100");
        Assert.That(viewerList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Contain(caseId));
    }

    private static bool Is2xx(int status) => status is >= 200 and < 300;

    private HttpRequestMessage? RequestFor(RouteCall route, Guid caseId, Guid noteId, List<string> failures)
    {
        var path = new StringBuilder();
        foreach (var segment in route.Endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternParameterPart { Name: "id" }:
                        path.Append(caseId);
                        break;
                    case RoutePatternParameterPart { Name: "noteId" }:
                        path.Append(noteId);
                        break;
                    case RoutePatternParameterPart { Name: "userId" }:
                        // The participant a route acts on: the co-owner, whom the owner may change or remove.
                        path.Append(_coOwner.UserId);
                        break;
                    case RoutePatternParameterPart { Name: "audioId" }:
                        // The owner's recording, attached to this case.
                        path.Append(_audioId);
                        break;
                    case RoutePatternParameterPart { Name: "version" }:
                        path.Append('1');
                        break;
                    default:
                        failures.Add($"{route.Name}: teach this test a value for {part}");
                        return null;
                }
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(route.Method), path + Queries.GetValueOrDefault(route.Name, string.Empty));
        if (RawBodies.TryGetValue(route.Name, out var raw))
        {
            request.Content = raw();
        }
        else if (route.HasBody)
        {
            if (!Bodies.TryGetValue(route.Name, out var body))
            {
                failures.Add($"{route.Name} takes a body: add a valid one to {nameof(Bodies)}");
                request.Dispose();
                return null;
            }

            request.Content = JsonContent.Create(body);
        }

        return request;
    }
}
