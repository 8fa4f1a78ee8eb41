using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>Operators' access to every user's notes, each action behind its own permission.</summary>
public sealed class AdminNotesTests : DatabaseFixture
{
    [Test]
    public async Task Every_admin_notes_route_needs_exactly_its_permission()
    {
        var owner = await this.CreateAccountAsync("owned");
        using var ownerClient = this.ClientFor(owner);
        var note = (await ownerClient.CreateNoteAsync("Somebody's note about the harbour")).Id();

        var routes = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/admin/notes", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Method: m, Pattern: e.RoutePattern.RawText!, Permission: e.Metadata.GetOrderedMetadata<AccessRequirement>().Single(a => a.Kind == AccessKind.Permission).Value!)))
            .ToList();
        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(6));

        var plain = this.ClientFor(await this.CreateAccountAsync("plain"));
        foreach (var (method, pattern, permission) in routes)
        {
            var everythingElse = await this.CreateAccountAsync("almost");
            await this.GrantAdminAsync(everythingElse, AdminPermissions.All.Where(p => p != permission).ToArray());
            var holder = await this.CreateAccountAsync("holder");
            await this.GrantAdminAsync(holder, permission);

            var key = $"{method} {pattern}";
            Assert.That((await Send(plain, method, pattern, note)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{key} as a plain user");
            Assert.That((await Send(this.ClientFor(everythingElse), method, pattern, note)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{key} without {permission}");
            var allowed = await Send(this.ClientFor(holder), method, pattern, note);
            Assert.That((int)allowed.StatusCode, Is.InRange(200, 299), $"{key} with {permission}: {await allowed.Content.ReadAsStringAsync()}");
        }
    }

    [Test]
    public async Task Admins_list_search_view_delete_restore_and_moderate_any_users_notes()
    {
        // The admin lists show every note in the database: the other test's notes are gone.
        await ResetDatabaseAsync();
        var alice = await this.CreateAccountAsync("alice");
        var bob = await this.CreateAccountAsync("bob");
        using var aliceClient = this.ClientFor(alice);
        using var bobClient = this.ClientFor(bob);
        var aliceNote = (await aliceClient.CreateNoteAsync("Lighthouse keeper rota", "Who watches the lighthouse in March")).Id();
        var bobNote = (await bobClient.CreateNoteAsync("Lighthouse paint order", "Red and white paint for the lighthouse")).Id();
        var admin = await this.CreateAccountAsync("operator");
        await this.GrantAdminAsync(admin, AdminPermissions.CanViewAllNotes, AdminPermissions.CanDeleteNotes, AdminPermissions.CanModerateContent);
        using var adminClient = this.ClientFor(admin);

        var all = await adminClient.GetJsonAsync($"/api/v1/admin/notes?ownerId={alice.UserId}");
        Assert.That(all.GetProperty("items").Ids(), Is.EqualTo(new[] { aliceNote }));
        var everyone = await adminClient.GetJsonAsync("/api/v1/admin/notes?limit=100");
        Assert.That(everyone.GetProperty("items").Ids(), Is.EquivalentTo(new[] { aliceNote, bobNote }));

        var found = await adminClient.GetJsonAsync("/api/v1/admin/notes/search?q=lighthouse&mode=text");
        Assert.That(found.HitIds(), Is.EquivalentTo(new[] { aliceNote, bobNote }));
        Assert.That(found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ownerId").GetGuid()), Is.EquivalentTo(new[] { alice.UserId, bob.UserId }));
        Assert.That((await aliceClient.SearchAsync("lighthouse", "text")).HitIds(), Is.EqualTo(new[] { aliceNote }), "a user still sees only their own");

        var viewed = await adminClient.GetJsonAsync($"/api/v1/admin/notes/{bobNote}");
        Assert.That(viewed.GetProperty("ownerId").GetGuid(), Is.EqualTo(bob.UserId));
        Assert.That(viewed.GetProperty("note").GetProperty("title").GetString(), Is.EqualTo("Lighthouse paint order"));

        await adminClient.DeleteAsync($"/api/v1/admin/notes/{bobNote}").ExpectNoContentAsync();
        Assert.That((await bobClient.GetJsonAsync("/api/v1/notes/trash")).GetProperty("items").Ids(), Is.EqualTo(new[] { bobNote }));
        Assert.That((await adminClient.GetJsonAsync("/api/v1/admin/notes/search?q=lighthouse&mode=text")).HitIds(), Is.EqualTo(new[] { aliceNote }));
        Assert.That((await adminClient.GetJsonAsync("/api/v1/admin/notes/search?q=lighthouse&mode=text&includeDeleted=true")).HitIds(), Is.EquivalentTo(new[] { aliceNote, bobNote }));
        Assert.That((await adminClient.GetJsonAsync($"/api/v1/admin/notes?deleted=true&ownerId={bob.UserId}")).GetProperty("items").Ids(), Is.EqualTo(new[] { bobNote }));
        await adminClient.PostAsync($"/api/v1/admin/notes/{bobNote}/restore", null).ExpectNoContentAsync();
        Assert.That((await bobClient.GetJsonAsync("/api/v1/notes")).GetProperty("items").Ids(), Is.EqualTo(new[] { bobNote }));

        var moderated = await NotesApi.ExpectAsync(
            await adminClient.PostAsJsonAsync($"/api/v1/admin/notes/{aliceNote}/moderation", new { status = "FLAGGED", note = "Contains a phone number" }), HttpStatusCode.OK);
        Assert.That(moderated.GetProperty("status").GetString(), Is.EqualTo("FLAGGED"));
        var seenByOwner = await aliceClient.GetJsonAsync($"/api/v1/notes/{aliceNote}");
        Assert.Multiple(async () =>
        {
            Assert.That(seenByOwner.GetProperty("moderation").GetProperty("status").GetString(), Is.EqualTo("FLAGGED"));
            Assert.That(seenByOwner.GetProperty("moderation").GetProperty("note").GetString(), Is.EqualTo("Contains a phone number"));
            Assert.That((await adminClient.GetJsonAsync($"/api/v1/admin/notes/{aliceNote}")).GetProperty("moderatedBy").GetGuid(), Is.EqualTo(admin.UserId));
            Assert.That((await adminClient.GetJsonAsync("/api/v1/admin/notes?moderation=FLAGGED")).GetProperty("items").Ids(), Is.EqualTo(new[] { aliceNote }));
        });

        var missing = await adminClient.DeleteAsync($"/api/v1/admin/notes/{Guid.NewGuid()}");
        await missing.AssertProblem(HttpStatusCode.NotFound, "notes.not_found");
        var badStatus = await adminClient.PostAsJsonAsync($"/api/v1/admin/notes/{aliceNote}/moderation", new { note = "no status" });
        await badStatus.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string pattern, Guid note)
    {
        var path = pattern.Replace("{id}", note.ToString(), StringComparison.Ordinal);
        if (path.EndsWith("/search", StringComparison.Ordinal))
        {
            path += "?q=harbour&mode=text";
        }

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(path.EndsWith("/moderation", StringComparison.Ordinal) ? """{ "status": "APPROVED" }""" : "{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
