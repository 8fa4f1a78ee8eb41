using System.Net;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Filters, sorts and keyset cursors on a seeded set: each listing, walked page by page, returns
/// exactly the rows an independent LINQ model of the same rules expects, in order, with no row twice
/// and none missing. Ties in the sort key (three notes per recorded time) exercise the id tie-break.
/// </summary>
public sealed class NoteListTests : DatabaseFixture
{
    private static readonly string[] Priorities = ["LOW", "MEDIUM", "HIGH"];
    private static readonly string[] Statuses = ["PENDING", "DONE", "DELAYED"];
    private static readonly DateTimeOffset Base = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<Seeded> _notes = [];
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _client = this.ClientFor(await this.CreateAccountAsync("lister"));
        using (var stranger = this.ClientFor(await this.CreateAccountAsync("stranger")))
        {
            for (var i = 0; i < 5; i++)
            {
                await stranger.CreateNoteAsync(new { title = $"stranger {i}", recordedAt = Base.AddDays(i) });
            }
        }

        for (var i = 0; i < 45; i++)
        {
            var id = (await _client.CreateNoteAsync(new
            {
                title = $"note {i}",
                recordedAt = Base.AddDays(i % 15),
                priority = Priorities[i % 3],
                status = Statuses[i / 3 % 3],
                isPinned = i % 4 == 0,
                isLiked = i % 5 == 0,
                isArchived = i % 7 == 0,
            })).Id();
            if (i % 6 == 0)
            {
                await _client.CreateTaskAsync(id, new { description = "open" });
            }
            else if (i % 6 == 1)
            {
                var task = (await _client.CreateTaskAsync(id, new { description = "done" })).Id();
                await _client.PostAsync($"/api/v1/tasks/{task}/complete", null);
            }

            if (i % 11 == 0)
            {
                await _client.DeleteAsync($"/api/v1/notes/{id}");
            }

            var read = await _client.GetJsonAsync($"/api/v1/notes/{id}");
            _notes.Add(new Seeded(
                id,
                read.GetProperty("recordedAt").GetDateTimeOffset(),
                read.GetProperty("updatedAt").GetDateTimeOffset(),
                Array.IndexOf(Priorities, read.GetProperty("priority").GetString()) + 1,
                read.GetProperty("status").GetString()!,
                i % 4 == 0,
                i % 5 == 0,
                i % 7 == 0,
                i % 11 == 0,
                i % 6 == 0));
        }
    }

    [OneTimeTearDown]
    public void DisposeClient() => _client.Dispose();

    public static IEnumerable<TestCaseData> Listings()
    {
        yield return Case("", n => !n.Deleted && !n.Archived);
        yield return Case("sort=oldest", n => !n.Deleted && !n.Archived, Order.Oldest);
        yield return Case("sort=updated", n => !n.Deleted && !n.Archived, Order.Updated);
        yield return Case("sort=priority", n => !n.Deleted && !n.Archived, Order.Priority);
        yield return Case("status=DONE", n => !n.Deleted && !n.Archived && n.Status == "DONE");
        yield return Case("priority=high&sort=oldest", n => !n.Deleted && !n.Archived && n.Priority == 3, Order.Oldest);
        yield return Case("pinned=true", n => !n.Deleted && !n.Archived && n.Pinned);
        yield return Case("liked=false&sort=updated", n => !n.Deleted && !n.Archived && !n.Liked, Order.Updated);
        yield return Case("archived=true", n => !n.Deleted && n.Archived);
        yield return Case("archived=false&pinned=false", n => !n.Deleted && !n.Archived && !n.Pinned);
        yield return Case("deleted=true", n => n.Deleted);
        yield return Case("deleted=true&archived=false", n => n.Deleted && !n.Archived);
        yield return Case("hasOpenTasks=true", n => !n.Deleted && !n.Archived && n.OpenTask);
        yield return Case("hasOpenTasks=false&sort=priority", n => !n.Deleted && !n.Archived && !n.OpenTask, Order.Priority);
        yield return Case("from=2025-01-04T08:00:00Z&to=2025-01-09T08:00:00Z", n => !n.Deleted && !n.Archived && n.RecordedAt >= Base.AddDays(3) && n.RecordedAt < Base.AddDays(8));
        yield return Case("status=PENDING&priority=LOW&sort=priority&from=2025-01-02T00:00:00Z", n => !n.Deleted && !n.Archived && n.Status == "PENDING" && n.Priority == 1 && n.RecordedAt >= new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), Order.Priority);
        yield return Case("status=DELAYED&liked=true&pinned=true", n => !n.Deleted && !n.Archived && n.Status == "DELAYED" && n.Liked && n.Pinned);
    }

    [TestCaseSource(nameof(Listings))]
    public async Task A_listing_walked_page_by_page_returns_exactly_the_expected_rows(string query, Func<Seeded, bool> filter, Order order)
    {
        var expected = Ordered(_notes.Where(filter), order).Select(n => n.Id).ToList();
        foreach (var limit in new[] { 7, 20 })
        {
            var seen = new List<Guid>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var url = $"/api/v1/notes?{query}&limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
                var page = await _client.GetJsonAsync(url);
                var items = page.GetProperty("items").Ids();
                Assert.That(items, Has.Count.LessThanOrEqualTo(limit));
                if (pages == 0)
                {
                    Assert.That(page.GetProperty("total").GetInt64(), Is.EqualTo(expected.Count), $"total of {query}");
                }
                else
                {
                    Assert.That(page.GetProperty("total").ValueKind, Is.EqualTo(JsonValueKind.Null), "no count on later pages unless asked");
                }

                seen.AddRange(items);
                cursor = page.GetProperty("nextCursor").GetString();
                pages++;
                Assert.That(pages, Is.LessThan(50), "the walk ends");
            }
            while (cursor is not null);

            Assert.That(seen, Is.Unique, $"{query} limit {limit}: no duplicates");
            Assert.That(seen, Is.EqualTo(expected), $"{query} limit {limit}: exactly the expected rows in order");
            Assert.That(pages, Is.EqualTo(Math.Max(1, (expected.Count + limit - 1) / limit)), "no empty trailing page");
        }
    }

    [Test]
    public async Task The_total_is_counted_on_a_later_page_when_asked()
    {
        var first = await _client.GetJsonAsync("/api/v1/notes?limit=5");
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await _client.GetJsonAsync($"/api/v1/notes?limit=5&includeTotal=true&cursor={Uri.EscapeDataString(cursor)}");
        Assert.That(second.GetProperty("total").GetInt64(), Is.EqualTo(first.GetProperty("total").GetInt64()));
    }

    [Test]
    public async Task The_default_page_holds_twenty()
    {
        var page = await _client.GetJsonAsync("/api/v1/notes");
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(20));
        Assert.That(page.GetProperty("size").GetInt32(), Is.EqualTo(20));
    }

    [TestCase("limit=0")]
    [TestCase("limit=101")]
    [TestCase("sort=sideways")]
    [TestCase("sort=1")]
    [TestCase("status=FINISHED")]
    [TestCase("priority=3")]
    [TestCase("cursor=not-a-cursor")]
    [TestCase("from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")]
    public async Task Bad_list_parameters_are_refused(string query)
    {
        var response = await _client.GetAsync($"/api/v1/notes?{query}");
        await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_cursor_of_another_sort_is_refused()
    {
        var page = await _client.GetJsonAsync("/api/v1/notes?limit=3&sort=oldest");
        var cursor = page.GetProperty("nextCursor").GetString()!;
        var response = await _client.GetAsync($"/api/v1/notes?sort=newest&cursor={Uri.EscapeDataString(cursor)}");
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("cursor", out _), Is.True);
    }

    public enum Order
    {
        Newest,
        Oldest,
        Updated,
        Priority,
    }

    private static TestCaseData Case(string query, Func<Seeded, bool> filter, Order order = Order.Newest) =>
        new TestCaseData(query, filter, order).SetArgDisplayNames(query.Length == 0 ? "(defaults)" : query);

    /// <summary>PostgreSQL orders uuids by their bytes, which is the ordinal order of their text.</summary>
    private static IEnumerable<Seeded> Ordered(IEnumerable<Seeded> notes, Order order)
    {
        var byId = StringComparer.Ordinal;
        return order switch
        {
            Order.Oldest => notes.OrderBy(n => n.RecordedAt).ThenBy(n => n.Id.ToString(), byId),
            Order.Updated => notes.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id.ToString(), byId),
            Order.Priority => notes.OrderByDescending(n => n.Priority).ThenByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id.ToString(), byId),
            _ => notes.OrderByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id.ToString(), byId),
        };
    }

    public sealed record Seeded(Guid Id, DateTimeOffset RecordedAt, DateTimeOffset UpdatedAt, int Priority, string Status, bool Pinned, bool Liked, bool Archived, bool Deleted, bool OpenTask);
}
