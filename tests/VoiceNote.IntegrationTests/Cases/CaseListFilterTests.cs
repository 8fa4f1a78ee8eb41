using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// The case list's filters (issue 14): status, priority, my role, participant, created and updated from/to, text;
/// each alone, together, and across cursor pages, and the 400s for values that cannot be a filter.
/// </summary>
public sealed class CaseListFilterTests : DatabaseFixture
{
    private static readonly DateTimeOffset January = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May = new(2026, 5, 10, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Status_priority_and_my_role_narrow_the_list()
    {
        var me = await this.CreateAccountAsync("filter_me");
        var other = await this.CreateAccountAsync("filter_other");
        using var client = this.ClientFor(me);
        using var otherClient = this.ClientFor(other);
        var high = (await client.CreateCaseAsync("Roof", priority: "HIGH")).Id();
        var low = (await client.CreateCaseAsync("Fence", priority: "LOW")).Id();
        var pending = (await client.CreateCaseAsync("Gutter")).Id();
        Assert.That((await client.PatchJsonAsync($"/api/v1/cases/{pending}", new { status = "PENDING" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var asEditor = (await otherClient.CreateCaseAsync("Their boiler", priority: "HIGH")).Id();
        await otherClient.InviteAsync(asEditor, me.Username, "EDITOR");

        Assert.That(await ListIdsAsync(client, "?status=pending"), Is.EqualTo(new[] { pending }));
        Assert.That(await ListIdsAsync(client, "?status=ACTIVE"), Is.EqualTo(new[] { asEditor, high, low }));
        Assert.That(await ListIdsAsync(client, "?priority=low"), Is.EqualTo(new[] { low }));
        Assert.That(await ListIdsAsync(client, "?role=editor"), Is.EqualTo(new[] { asEditor }));
        Assert.That(await ListIdsAsync(client, "?role=owner&priority=HIGH"), Is.EqualTo(new[] { high }));
        Assert.That(await ListIdsAsync(client, "?status=ACTIVE&role=EDITOR&priority=LOW"), Is.Empty);
    }

    [Test]
    public async Task Participant_by_id_username_or_email_lists_the_cases_shared_with_them()
    {
        var me = await this.CreateAccountAsync("with_me");
        var colleague = await this.CreateAccountAsync("with_colleague");
        var stranger = await this.CreateAccountAsync("with_stranger");
        using var client = this.ClientFor(me);
        using var colleagueClient = this.ClientFor(colleague);
        var shared = (await client.CreateCaseAsync("Shared ledger")).Id();
        await client.InviteAsync(shared, colleague.Username, "VIEWER");
        var theirs = (await colleagueClient.CreateCaseAsync("Their audit")).Id();
        await colleagueClient.InviteAsync(theirs, me.Email, "CONTRIBUTOR");
        var alone = (await client.CreateCaseAsync("My own")).Id();

        // A case the colleague shares with somebody else but not with me stays out of my list whatever the filter.
        var notMine = (await colleagueClient.CreateCaseAsync("Not mine")).Id();

        var expected = new[] { theirs, shared };
        Assert.That(await ListIdsAsync(client, $"?participant={colleague.UserId}"), Is.EquivalentTo(expected));
        Assert.That(await ListIdsAsync(client, $"?participant={colleague.Username}"), Is.EquivalentTo(expected));
        Assert.That(await ListIdsAsync(client, $"?participant={Uri.EscapeDataString(colleague.Email)}"), Is.EquivalentTo(expected));
        Assert.That(await ListIdsAsync(client, $"?participant={me.UserId}"), Is.EquivalentTo(new[] { theirs, shared, alone }), "I take part in all of mine");
        Assert.That(await ListIdsAsync(client, $"?participant={stranger.Username}"), Is.Empty);
        Assert.That(await ListIdsAsync(client, "?participant=nobody_by_this_name"), Is.Empty);
        Assert.That(await ListIdsAsync(client, $"?participant={colleague.UserId}&role=contributor"), Is.EqualTo(new[] { theirs }));
        Assert.That(await ListIdsAsync(colleagueClient, $"?participant={me.UserId}"), Does.Not.Contain(notMine));

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?participant=nobody_by_this_name");
        Assert.That(page.GetProperty("total").GetInt64(), Is.Zero);
        var tooLong = await client.GetAsync("/api/v1/cases?participant=" + new string('x', 300));
        await tooLong.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Created_and_updated_from_and_to_take_the_start_and_leave_the_end()
    {
        var me = await this.CreateAccountAsync("dates_me");
        using var client = this.ClientFor(me);
        var old = (await client.CreateCaseAsync("Old matter")).Id();
        var middle = (await client.CreateCaseAsync("Middle matter")).Id();
        var recent = (await client.CreateCaseAsync("Recent matter")).Id();
        await SetTimesAsync(old, created: January, updated: May);
        await SetTimesAsync(middle, created: March, updated: March);
        await SetTimesAsync(recent, created: May, updated: May.AddDays(1));

        Assert.That(await ListIdsAsync(client, $"?createdFrom={Q(March)}"), Is.EquivalentTo(new[] { middle, recent }), "from is inclusive");
        Assert.That(await ListIdsAsync(client, $"?createdTo={Q(March)}"), Is.EqualTo(new[] { old }), "to is exclusive");
        Assert.That(await ListIdsAsync(client, $"?createdFrom={Q(January)}&createdTo={Q(May)}"), Is.EquivalentTo(new[] { old, middle }));
        Assert.That(await ListIdsAsync(client, $"?updatedFrom={Q(May)}"), Is.EqualTo(new[] { recent, old }), "most recently changed first");
        Assert.That(await ListIdsAsync(client, $"?updatedFrom={Q(March)}&updatedTo={Q(May)}"), Is.EqualTo(new[] { middle }));
        Assert.That(await ListIdsAsync(client, $"?createdTo={Q(March)}&updatedFrom={Q(May)}"), Is.EqualTo(new[] { old }));

        // An offset is an instant like any other: 11:00+02:00 is 09:00 UTC.
        Assert.That(await ListIdsAsync(client, "?createdFrom=" + Uri.EscapeDataString("2026-03-10T11:00:00+02:00")), Is.EquivalentTo(new[] { middle, recent }));

        var backwards = await client.GetAsync($"/api/v1/cases?createdFrom={Q(May)}&createdTo={Q(March)}");
        var problem = await backwards.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("createdTo", out _), Is.True, problem.ToString());
        var empty = await client.GetAsync($"/api/v1/cases?updatedFrom={Q(May)}&updatedTo={Q(May)}");
        await empty.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var notADate = await client.GetAsync("/api/v1/cases?createdFrom=yesterday");
        Assert.That(notADate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Text_matches_title_or_code()
    {
        var me = await this.CreateAccountAsync("text_me");
        using var client = this.ClientFor(me);
        var flood = await client.CreateCaseAsync("Flooded cellar");
        var fire = await client.CreateCaseAsync("Chimney fire");

        Assert.That(await ListIdsAsync(client, "?q=cellar"), Is.EqualTo(new[] { flood.Id() }));
        Assert.That(await ListIdsAsync(client, "?q=" + fire.GetProperty("code").GetString()!.ToLowerInvariant()), Is.EqualTo(new[] { fire.Id() }));
        Assert.That(await ListIdsAsync(client, "?q=_"), Is.Empty, "an underscore is a character, not a wildcard");
    }

    [Test]
    public async Task A_filtered_list_keeps_its_order_and_filter_across_cursor_pages()
    {
        var me = await this.CreateAccountAsync("paged_me");
        var colleague = await this.CreateAccountAsync("paged_colleague");
        using var client = this.ClientFor(me);
        var expected = new List<(Guid Id, int Weight, DateTimeOffset Updated)>();
        var priorities = new[] { ("HIGH", 300), ("LOW", 100), ("MEDIUM", 200) };
        for (var i = 0; i < 9; i++)
        {
            var (priority, weight) = priorities[i % 3];
            var id = (await client.CreateCaseAsync($"Paged {i}", priority: priority)).Id();
            // Every third is not shared with the colleague: out of the filtered list whatever its priority.
            if (i % 3 != 1)
            {
                await client.InviteAsync(id, colleague.Username, "VIEWER");
            }

            // After the invitation, which touches the case; some share a time, so the id breaks the tie.
            var updated = March.AddHours(i % 2);
            await SetTimesAsync(id, created: March, updated: updated);
            if (i % 3 != 1)
            {
                expected.Add((id, weight, updated));
            }
        }

        var order = expected.OrderByDescending(e => e.Weight).ThenByDescending(e => e.Updated).ThenByDescending(e => e.Id.ToString(), StringComparer.Ordinal).Select(e => e.Id).ToList();
        var seen = new List<Guid>();
        var query = $"participant={colleague.UserId}&createdFrom={Q(January)}";
        var url = $"/api/v1/cases?limit=2&{query}";
        while (url is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            url = page.GetProperty("nextCursor").GetString() is { } cursor ? $"/api/v1/cases?limit=2&{query}&cursor={Uri.EscapeDataString(cursor)}" : null;
        }

        Assert.That(seen, Has.Count.EqualTo(6));
        Assert.That(seen, Is.EqualTo(order));
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/cases" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private async Task SetTimesAsync(Guid id, DateTimeOffset created, DateTimeOffset updated)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE cases.cases SET created_at = @created, updated_at = @updated WHERE id = @id", connection);
        command.Parameters.AddWithValue("created", created);
        command.Parameters.AddWithValue("updated", updated);
        command.Parameters.AddWithValue("id", id);
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }
}
