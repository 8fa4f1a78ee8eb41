using System.Net;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>Query embeddings are rate-limited per user; a cached query costs nothing and text search is never limited.</summary>
public sealed class SearchRateLimitTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Notes:Search:QueryEmbeddingsPerMinute"] = "3" };

    [Test]
    public async Task The_fourth_new_query_in_a_minute_is_refused_but_repeats_and_other_users_are_not()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("hasty"));
        using var other = this.ClientFor(await this.CreateAccountAsync("patient"));
        foreach (var q in new[] { "first query", "second query", "third query" })
        {
            await client.SearchAsync(q, "semantic");
        }

        await client.SearchAsync("first query", "hybrid");
        var refused = await client.GetAsync("/api/v1/notes/search?q=fourth%20query&mode=semantic");
        await refused.AssertProblem(HttpStatusCode.TooManyRequests, "notes.search_rate_limited");
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);

        await client.SearchAsync("fourth query", "text");
        await other.SearchAsync("fourth query", "semantic");
    }
}
