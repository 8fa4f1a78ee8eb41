using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Identity;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>
/// Every list is cursor-paged alike (docs/decisions/0062): <c>limit</c> and an opaque <c>cursor</c> in,
/// <c>items</c> and <c>nextCursor</c> out, and the next page's address in an RFC 8288 Link header.
/// Each list is walked two at a time by following the links: every item once, in the list's order.
/// </summary>
public sealed class PaginationLinkTests : DatabaseFixture
{
    /// <summary>
    /// GET operations that answer a collection without being a page, and why (docs/decisions/0062).
    /// </summary>
    private static readonly string[] NotPaged =
    [
        // One key per provider (a unique index): at most as many as there are providers.
        "GET /api/v1/me/api-keys",

        // Searches answer the best matches (at most 50), ranked by relevance: a result, not a list to walk.
        "GET /api/v1/notes/search",
        "GET /api/v1/admin/notes/search",
        "GET /api/v1/cases/{id}/search",

        // The cases' status and priority tables: a handful of rows operators add by hand (ADR 0077's sibling tables).
        "GET /api/v1/cases/statuses",
        "GET /api/v1/cases/priorities",

        // A case's participants: at most 200 (an invitation beyond is 409 cases.too_many_participants), owners first (ADR 0076).
        "GET /api/v1/cases/{id}/participants",

        // The settings the modules declare (ADR 0086): a fixed catalog of a few dozen at most, read whole.
        "GET /api/v1/admin/settings",

        // The retention rules: one per kind of data the product removes, registered in code (ADR 0084).
        "GET /api/v1/admin/retention",
    ];

    [Test]
    public async Task Following_rel_next_walks_the_list_to_its_end_keeping_the_filters()
    {
        var account = await this.CreateAccountAsync("links");
        using var client = this.ClientFor(account);
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.CreateNoteAsync($"Note {i}", null)).GetProperty("id").GetGuid());
        }

        var seen = new List<Guid>();
        var url = "/api/v1/notes?limit=2&sort=oldest";
        var pages = 0;
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
            pages++;
            var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
            var nextCursor = page.GetProperty("nextCursor");
            Assert.That(link is null, Is.EqualTo(nextCursor.ValueKind == JsonValueKind.Null), "a Link exactly when the body has a next cursor");
            if (link is not null)
            {
                Assert.That(link, Does.EndWith("; rel=\"next\"").And.Contain("limit=2").And.Contain("sort=oldest"));
                url = link[1..link.IndexOf('>')];
            }
            else
            {
                url = null;
            }
        }

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(created), "every note once, oldest first");
    }

    [Test]
    public async Task The_callers_own_lists_walk_to_their_end()
    {
        var account = await this.CreateAccountAsync("mylists");
        using var client = this.ClientFor(account);

        // The trash, newest first.
        for (var i = 0; i < 5; i++)
        {
            var id = (await client.CreateNoteAsync($"Trashed {i}")).Id();
            await client.DeleteAsync($"/api/v1/notes/{id}").ExpectNoContentAsync();
        }

        await AssertWalkAsync(client, "/api/v1/notes/trash?limit=2", minimum: 5);

        // A note's tasks, in the order they were given.
        var note = (await client.CreateNoteAsync("Checklist")).Id();
        var tasks = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tasks.Add((await client.CreateTaskAsync(note, new { description = $"step {i}" })).Id().ToString());
        }

        Assert.That(await AssertWalkAsync(client, $"/api/v1/notes/{note}/tasks?limit=2", minimum: 5), Is.EqualTo(tasks), "in the note's order");

        // Overdue tasks sharing deadlines and priorities: the id breaks every tie, so none is skipped or repeated.
        var dueAt = DateTimeOffset.UtcNow.AddDays(-3);
        var overdue = new List<string>();
        foreach (var (days, priority) in new[] { (0, "HIGH"), (0, "LOW"), (0, "LOW"), (1, "MEDIUM"), (1, "MEDIUM"), (2, "HIGH") })
        {
            var task = await client.CreateTaskAsync(note, new { description = $"due {days} {priority}", deadline = dueAt.AddDays(-days), priority });
            overdue.Add(task.Id().ToString());
        }

        var walked = await AssertWalkAsync(client, "/api/v1/tasks/overdue?limit=2", minimum: 6, key: i => i.GetProperty("task").GetProperty("id").GetString()!);
        Assert.That(walked, Is.EquivalentTo(overdue));

        // Done tasks, most recently done first.
        foreach (var task in tasks)
        {
            await client.PostAsync($"/api/v1/tasks/{task}/complete", null);
        }

        Assert.That(
            await AssertWalkAsync(client, "/api/v1/tasks/done?limit=2", minimum: 5, key: i => i.GetProperty("task").GetProperty("id").GetString()!),
            Is.EqualTo(Enumerable.Reverse(tasks)));

        // Sessions: five more sign-ins.
        for (var i = 0; i < 5; i++)
        {
            await TestAccounts.SignInAsync(AnonymousClient, account.Username, account.Password);
        }

        await AssertWalkAsync(client, "/api/v1/auth/sessions?limit=2", minimum: 6);

        // Partner clients, newest first.
        var clients = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add((await client.RegisterClientAsync($"App {i}", ApiScopes.NotesRead)).Id.ToString());
        }

        Assert.That(await AssertWalkAsync(client, "/api/v1/oauth-clients?limit=2", minimum: 5), Is.EqualTo(Enumerable.Reverse(clients)));
    }

    [Test]
    public async Task The_audio_lists_walk_to_their_end()
    {
        await ResetDatabaseAsync();
        var account = await this.CreateAccountAsync("audiolists");
        using var client = this.ClientFor(account);

        // Five recordings, three of them made in the same microsecond: only the id orders those.
        await ExecuteAsync($"""
            INSERT INTO audio.audio_files (id, owner_id, format, codec, size_bytes, duration, sha256, storage_key, status, recorded_at, is_archived, created_at, updated_at, speech_engine)
            SELECT gen_random_uuid(), '{account.UserId}', 'webm', 'opus', 100, interval '1 second', md5(i::text) || md5(i::text), 'paging/' || i, 0,
                   now(), false, timestamptz '2026-01-01' + (i / 3) * interval '1 minute', now(), 'Auto'
            FROM generate_series(1, 5) AS i
            """);
        var recordings = await AssertWalkAsync(client, "/api/v1/audio?limit=2", minimum: 5);
        Assert.That(recordings, Has.Count.EqualTo(5));

        // One recording's transcript versions, newest first.
        var audioId = recordings[0];
        await ExecuteAsync($"""
            INSERT INTO audio.transcripts (id, audio_id, owner_id, job_id, version, engine, language, text, words, duration, created_at)
            SELECT gen_random_uuid(), '{audioId}', '{account.UserId}', gen_random_uuid(), v, 'local', 'en', 'take ' || v, '[]', interval '1 second', now()
            FROM generate_series(1, 5) AS v
            """);
        Assert.That(
            await AssertWalkAsync(client, $"/api/v1/audio/{audioId}/transcripts?limit=2", minimum: 5, key: t => t.GetProperty("version").GetInt32().ToString()),
            Is.EqualTo(new[] { "5", "4", "3", "2", "1" }));

        // The admin's job list, of one status; two jobs changed in the same microsecond.
        var operatorAccount = await this.CreateAccountAsync("operator");
        await this.GrantAdminAsync(operatorAccount, AdminPermissions.CanModifySystemSettings);
        using var admin = this.ClientFor(operatorAccount);
        await ExecuteAsync($"""
            INSERT INTO audio.jobs (id, kind, owner_id, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at)
            SELECT gen_random_uuid(), 'audio.process', '{account.UserId}', jsonb_build_object(), 'Failed', 0, 1, 1, now(), false, now(), timestamptz '2026-01-01' + (i / 2) * interval '1 minute'
            FROM generate_series(1, 5) AS i
            """);
        await AssertWalkAsync(admin, "/api/v1/admin/audio/jobs?status=Failed&limit=2", minimum: 5);
    }

    [Test]
    public async Task The_admin_lists_walk_to_their_end()
    {
        var manager = await this.CreateAccountAsync("pager");
        await this.GrantAdminAsync(manager, [.. AdminPermissions.All]);
        using var admin = this.ClientFor(manager);

        // Accounts, newest first, found by a search.
        const string tag = "PgTag";
        var accounts = new List<TestAccount>();
        for (var i = 0; i < 5; i++)
        {
            accounts.Add(await this.CreateAccountAsync($"{tag}_{i}"));
        }

        Assert.That(
            await AssertWalkAsync(admin, $"/api/v1/admin/users?search={tag}&limit=2", minimum: 5),
            Is.EqualTo(accounts.Select(a => a.UserId.ToString()).Reverse()));

        // One owner's notes across users.
        using var owner = this.ClientFor(accounts[0]);
        for (var i = 0; i < 5; i++)
        {
            await owner.CreateNoteAsync($"Owned {i}");
        }

        await AssertWalkAsync(admin, $"/api/v1/admin/notes?ownerId={accounts[0].UserId}&limit=2", minimum: 5);

        // The audit trail of one account, newest first.
        var user = $"/api/v1/admin/users/{accounts[1].UserId}";
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await admin.PostAsync($"{user}/deactivate", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await admin.PostAsync($"{user}/reactivate", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var trail = await AssertWalkAsync(admin, $"/api/v1/admin/actions?targetUserId={accounts[1].UserId}&limit=2", minimum: 6);
        Assert.That(trail, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Every_list_refuses_a_limit_out_of_range_and_a_cursor_it_did_not_write()
    {
        var account = await this.CreateAccountAsync("refusals");
        await this.GrantAdminAsync(account, [.. AdminPermissions.All]);
        using var client = this.ClientFor(account);
        var note = (await client.CreateNoteAsync("With tasks")).Id();
        var lists = new[]
        {
            "/api/v1/notes", "/api/v1/notes/trash", $"/api/v1/notes/{note}/tasks", "/api/v1/tasks/today", "/api/v1/tasks/done",
            "/api/v1/audio", "/api/v1/auth/sessions", "/api/v1/oauth-clients",
            "/api/v1/admin/users", "/api/v1/admin/actions", "/api/v1/admin/notes", "/api/v1/admin/audio/jobs",
        };

        foreach (var list in lists)
        {
            foreach (var limit in new[] { 0, 101 })
            {
                var tooMany = await client.GetAsync($"{list}?limit={limit}");
                (await tooMany.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("limit");
            }

            var forged = await client.GetAsync($"{list}?cursor=bm90LWEtY3Vyc29y");
            (await forged.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("cursor");
        }
    }

    /// <summary>
    /// Generated from the document, so a list added later is covered: every GET answering a collection
    /// answers a page (items and nextCursor) and takes <c>limit</c> and <c>cursor</c>, unless it is on <see cref="NotPaged"/>.
    /// </summary>
    [Test]
    public async Task Every_list_in_the_api_document_answers_a_page()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
        var schemas = document["components"]?["schemas"]?.AsObject();
        var failures = new List<string>();
        var pages = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item?["get"] is not JsonObject get || path.StartsWith("/api/v1/probe/", StringComparison.Ordinal))
            {
                continue;
            }

            var name = $"GET {path}";
            var schema = Resolve(get["responses"]?["200"]?["content"]?["application/json"]?["schema"], schemas);
            var properties = schema?["properties"]?.AsObject();
            var isCollection = IsArray(schema) || IsArray(Resolve(properties?["items"], schemas));
            var isPage = properties is not null && properties.ContainsKey("items") && properties.ContainsKey("nextCursor");
            var parameters = (get["parameters"]?.AsArray() ?? []).Select(p => p?["name"]?.GetValue<string>()).ToList();
            if (isPage)
            {
                pages.Add(name);
                if (!parameters.Contains("limit") || !parameters.Contains("cursor"))
                {
                    failures.Add($"{name}: a page without the limit and cursor parameters");
                }
            }
            else if (isCollection && !NotPaged.Contains(name))
            {
                failures.Add($"{name}: answers a collection that is not a page");
            }
        }

        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(15), "the document was read: the lists are pages");
        Assert.That(NotPaged.Except(document["paths"]!.AsObject().Select(p => $"GET {p.Key}")), Is.Empty, "the allow-list names operations that exist");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Follows rel="next" from <paramref name="url"/> to the end and checks each page: at most the limit of 2,
    /// a Link exactly when there is a next cursor. The walk must match the list read whole, item for item.
    /// </summary>
    private static async Task<List<string>> AssertWalkAsync(HttpClient client, string url, int minimum, Func<JsonElement, string>? key = null)
    {
        key ??= item => item.GetProperty("id").GetString()!;
        var walked = new List<string>();
        var next = url;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.That(pages, Is.LessThan(50), $"{url}: the walk ends");
            using var response = await client.GetAsync(next);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{next}: {text}");
            var page = JsonDocument.Parse(text).RootElement;
            var items = page.GetProperty("items");
            Assert.That(items.GetArrayLength(), Is.LessThanOrEqualTo(2), next);
            walked.AddRange(items.EnumerateArray().Select(key));
            var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
            Assert.That(link is null, Is.EqualTo(page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null), $"{next}: a Link exactly when there is a next cursor");
            next = link?[1..link.IndexOf('>')];
            Assert.That(link is null || link.EndsWith("; rel=\"next\"", StringComparison.Ordinal), Is.True, link);
        }

        var whole = await client.GetFromJsonAsync<JsonElement>(url.Replace("limit=2", "limit=100", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(walked, Has.Count.GreaterThanOrEqualTo(minimum), url);
            Assert.That(walked, Is.Unique, $"{url}: nothing twice");
            Assert.That(walked, Is.EqualTo(whole.GetProperty("items").EnumerateArray().Select(key).ToList()), $"{url}: the walk is the list, in order");
        });
        return walked;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? schemas?[reference.Split('/')[^1]] : schema;

    /// <summary>OpenAPI 3.1 writes a nullable type as a list ("array", "null").</summary>
    private static bool IsArray(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>() == "array",
        JsonArray types => types.Any(t => t?.GetValue<string>() == "array"),
        _ => false,
    };
}
