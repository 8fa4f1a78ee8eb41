using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>A cursor-paged list tells where the next page is, in the body and in an RFC 8288 Link header.</summary>
public sealed class PaginationLinkTests : DatabaseFixture
{
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
}
