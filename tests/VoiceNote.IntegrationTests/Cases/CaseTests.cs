using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>Cases through the API (issue 14): codes, edits with ETags, close and reopen, the trash, and the list.</summary>
public sealed class CaseTests : DatabaseFixture
{
    [Test]
    public async Task A_new_case_has_a_code_of_the_year_the_creator_as_owner_and_the_table_defaults()
    {
        var owner = await this.CreateAccountAsync("opener");
        using var client = this.ClientFor(owner);

        var created = await client.CreateCaseAsync("Flooded basement", description: "Water since Monday");

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("code").GetString(), Does.Match(CodeShape).And.StartWith($"VN-{DateTime.UtcNow.Year}-"));
            Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("ACTIVE"));
            Assert.That(created.GetProperty("priority").GetString(), Is.EqualTo("MEDIUM"));
            Assert.That(created.GetProperty("myRole").GetString(), Is.EqualTo("OWNER"));
            Assert.That(created.GetProperty("createdBy").GetGuid(), Is.EqualTo(owner.UserId));
            Assert.That(created.GetProperty("canEdit").GetBoolean(), Is.True);
        });

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{created.Id()}");
        Assert.That(read.GetProperty("description").GetString(), Is.EqualTo("Water since Monday"));
        var participants = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{created.Id()}/participants");
        Assert.That(participants.EnumerateArray().Select(p => (p.GetProperty("userId").GetGuid(), p.GetProperty("role").GetString(), p.GetProperty("username").GetString())),
            Is.EqualTo(new[] { (owner.UserId, "OWNER", owner.Username) }));
    }

    [Test]
    public async Task The_status_and_priority_tables_are_served_and_checked()
    {
        var owner = await this.CreateAccountAsync("tables");
        using var client = this.ClientFor(owner);

        var statuses = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases/statuses");
        var priorities = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases/priorities");
        Assert.That(statuses.EnumerateArray().Select(s => s.GetProperty("code").GetString()), Is.EqualTo(new[] { "ACTIVE", "PENDING", "CLOSED" }));
        Assert.That(priorities.EnumerateArray().Select(p => (p.GetProperty("code").GetString(), p.GetProperty("weight").GetInt32())),
            Is.EqualTo(new[] { ("HIGH", 300), ("MEDIUM", 200), ("LOW", 100) }));

        var unknown = await client.PostAsJsonAsync("/api/v1/cases", new { title = "x", priority = "URGENT" });
        var problem = await unknown.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").GetProperty("priority")[0].GetString(), Does.Contain("HIGH"));

        var closedAtBirth = await client.PostAsJsonAsync("/api/v1/cases", new { title = "x", status = "closed" });
        await closedAtBirth.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        // An operator adds a priority: it is accepted at once, and sorts by its weight.
        var high = (await client.CreateCaseAsync("Roof", priority: "HIGH")).Id();
        await ExecuteAsync("INSERT INTO cases.priorities (code, description, weight, is_active) VALUES ('CRITICAL', 'Drop everything', 400, true) ON CONFLICT DO NOTHING");
        var critical = await client.CreateCaseAsync("Gas leak", priority: "critical");
        Assert.That(critical.GetProperty("priority").GetString(), Is.EqualTo("CRITICAL"));
        Assert.That(await ListIdsAsync(client, ""), Is.EqualTo(new[] { critical.Id(), high }));
    }

    [Test]
    public async Task An_edit_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var owner = await this.CreateAccountAsync("etag");
        var editor = await this.CreateAccountAsync("etag_editor");
        var id = await this.CaseWithAsync(owner, (editor, "EDITOR"));
        using var ownerClient = this.ClientFor(owner);
        using var editorClient = this.ClientFor(editor);

        var ownerTag = (await ownerClient.GetAsync($"/api/v1/cases/{id}")).Headers.ETag!.Tag;
        var editorTag = (await editorClient.GetAsync($"/api/v1/cases/{id}")).Headers.ETag!.Tag;
        Assert.That(editorTag, Is.EqualTo(ownerTag), "the tag is of the case, not of the reader's role in it");

        var first = await ownerClient.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "Renamed by the owner", priority = "HIGH" }, ownerTag);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());

        var stale = await editorClient.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "Renamed by the editor" }, editorTag);
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        var now = await editorClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.That((now.GetProperty("title").GetString(), now.GetProperty("priority").GetString()), Is.EqualTo(("Renamed by the owner", "HIGH")));

        var retried = await editorClient.PatchJsonAsync($"/api/v1/cases/{id}", new { status = "pending", description = "" }, first.Headers.ETag!.Tag);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retried.Content.ReadAsStringAsync());
        var after = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((after.GetProperty("status").GetString(), after.GetProperty("title").GetString()), Is.EqualTo(("PENDING", "Renamed by the owner")));
    }

    [Test]
    public async Task Closing_and_reopening_keep_the_reason_and_the_closing_time()
    {
        var owner = await this.CreateAccountAsync("closer");
        using var client = this.ClientFor(owner);
        var id = (await client.CreateCaseAsync("Broken window")).Id();

        var noReason = await client.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { reason = "" });
        await noReason.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        var closed = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { reason = "Glazier came" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("CLOSED"));
            Assert.That(closed.GetProperty("statusReason").GetString(), Is.EqualTo("Glazier came"));
            Assert.That(closed.GetProperty("closedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        });

        var statusWhileClosed = await client.PatchJsonAsync($"/api/v1/cases/{id}", new { status = "PENDING" });
        await statusWhileClosed.AssertProblem(HttpStatusCode.Conflict, "cases.closed");

        var reopened = await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = "Cracked again" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(reopened.GetProperty("status").GetString(), Is.EqualTo("ACTIVE"));
            Assert.That(reopened.GetProperty("statusReason").GetString(), Is.EqualTo("Cracked again"));
            Assert.That(reopened.GetProperty("closedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task A_deleted_case_leaves_every_list_only_its_owner_can_see_and_restore_it()
    {
        var owner = await this.CreateAccountAsync("trash_owner");
        var editor = await this.CreateAccountAsync("trash_editor");
        var id = await this.CaseWithAsync(owner, (editor, "EDITOR"));
        using var ownerClient = this.ClientFor(owner);
        using var editorClient = this.ClientFor(editor);

        await (await editorClient.DeleteAsync($"/api/v1/cases/{id}")).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        Assert.That((await ownerClient.DeleteAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await (await editorClient.GetAsync($"/api/v1/cases/{id}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(await ListIdsAsync(editorClient, ""), Does.Not.Contain(id));
        Assert.That(await ListIdsAsync(ownerClient, ""), Does.Not.Contain(id));
        Assert.That(await ListIdsAsync(ownerClient, "?deleted=true"), Does.Contain(id));
        Assert.That(await ListIdsAsync(editorClient, "?deleted=true"), Does.Not.Contain(id), "the trash shows the cases one owns");
        var inTrash = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.That(inTrash.GetProperty("isDeleted").GetBoolean(), Is.True);
        await (await ownerClient.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "x" })).AssertProblem(HttpStatusCode.Conflict, "cases.in_trash");

        Assert.That((await ownerClient.PostAsync($"/api/v1/cases/{id}/restore", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ListIdsAsync(editorClient, ""), Does.Contain(id));
        Assert.That((await editorClient.GetAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_list_filters_and_sorts_by_priority_weight_then_recency_across_cursor_pages()
    {
        var me = await this.CreateAccountAsync("lister");
        var other = await this.CreateAccountAsync("lister_other");
        using var client = this.ClientFor(me);
        using var otherClient = this.ClientFor(other);

        var low = (await client.CreateCaseAsync("Fence paint", priority: "LOW")).Id();
        var highOld = (await client.CreateCaseAsync("Roof leak", priority: "HIGH")).Id();
        var medium = (await client.CreateCaseAsync("Boiler service")).Id();
        var highNew = (await client.CreateCaseAsync("Burst pipe", priority: "HIGH")).Id();
        var shared = (await otherClient.CreateCaseAsync("Neighbour's hedge")).Id();
        await otherClient.InviteAsync(shared, me.Email, "VIEWER");
        var notMine = (await otherClient.CreateCaseAsync("Private matter")).Id();

        // Two per page: the order holds across pages and no case repeats or goes missing.
        var ids = new List<Guid>();
        var url = "/api/v1/cases?limit=2";
        long? total = null;
        while (url is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            total ??= page.GetProperty("total").GetInt64();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            url = page.GetProperty("nextCursor").GetString() is { } cursor ? $"/api/v1/cases?limit=2&cursor={Uri.EscapeDataString(cursor)}" : null;
        }

        Assert.That(ids, Is.EqualTo(new[] { highNew, highOld, shared, medium, low }));
        Assert.That(total, Is.EqualTo(5));
        Assert.That(ids, Does.Not.Contain(notMine));

        Assert.That(await ListIdsAsync(client, "?role=viewer"), Is.EqualTo(new[] { shared }));
        Assert.That(await ListIdsAsync(client, "?role=OWNER&priority=high"), Is.EqualTo(new[] { highNew, highOld }));
        Assert.That(await ListIdsAsync(client, "?q=PIPE"), Is.EqualTo(new[] { highNew }));
        var code = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{low}")).GetProperty("code").GetString()!;
        Assert.That(await ListIdsAsync(client, $"?q={code}"), Is.EqualTo(new[] { low }));
        Assert.That(await ListIdsAsync(client, "?q=100%25"), Is.Empty, "a % in the text is a character, not a wildcard");

        await client.PostAsJsonAsync($"/api/v1/cases/{low}/close", new { reason = "Painted" });
        Assert.That(await ListIdsAsync(client, "?status=closed"), Is.EqualTo(new[] { low }));

        var badRole = await client.GetAsync("/api/v1/cases?role=boss");
        await badRole.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var badCursor = await client.GetAsync("/api/v1/cases?cursor=nonsense");
        await badCursor.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Fifty_concurrent_creations_get_fifty_distinct_codes()
    {
        var accounts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => this.CreateAccountAsync($"racer{i}")));
        var clients = accounts.Select(this.ClientFor).ToList();
        var codes = new ConcurrentBag<string>();
        using var start = new SemaphoreSlim(0);

        var creations = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            var created = await clients[i % clients.Count].CreateCaseAsync($"Race {i}");
            codes.Add(created.GetProperty("code").GetString()!);
        }).ToList();
        start.Release(50);
        await Task.WhenAll(creations);

        Assert.That(codes, Has.Count.EqualTo(50));
        Assert.That(codes.Distinct().Count(), Is.EqualTo(50), string.Join(", ", codes.Order()));
        Assert.That(codes, Has.All.Match(CodeShape));
        var stored = await ScalarAsync<long>("SELECT count(DISTINCT code) FROM cases.cases WHERE title LIKE 'Race %'");
        Assert.That(stored, Is.EqualTo(50));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private const string CodeShape = @"^VN-\d{4}-\d{5,}$";

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/cases" + query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
