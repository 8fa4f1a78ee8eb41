using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using VoiceNote.IntegrationTests.Cases;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Exports;

/// <summary>
/// Who may reach an export (issue 15): another user gets 404 on every export route; a case's export is refused to a
/// participant without the export permission and readable by every participant who has it; a zip's manifest matches
/// what it holds.
/// </summary>
public sealed class ExportAccessTests : ExportFixture
{
    [Test]
    public async Task Another_users_export_is_404_on_every_export_route()
    {
        var owner = await this.CreateAccountAsync("export_owner");
        var stranger = await this.CreateAccountAsync("export_stranger");
        using var mine = this.ClientFor(owner);
        using var theirs = this.ClientFor(stranger);
        var note = (await mine.PostAsJsonAndReadAsync("/api/v1/notes", new { title = "Private minutes" })).GetProperty("id").GetGuid();
        var export = await mine.QueueExportAsync("json", "NOTE", note);
        await mine.DownloadAsync(export);

        var routes = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, $"/api/v1/exports/{export}"),
            (HttpMethod.Get, $"/api/v1/exports/{export}/events"),
            (HttpMethod.Get, $"/api/v1/exports/{export}/file"),
            (HttpMethod.Post, $"/api/v1/exports/{export}/cancel"),
            (HttpMethod.Delete, $"/api/v1/exports/{export}"),
        };
        foreach (var (method, path) in routes)
        {
            await (await theirs.SendAsync(new HttpRequestMessage(method, path))).AssertProblem(HttpStatusCode.NotFound, "exports.not_found");
        }

        await (await theirs.RequestExportAsync("json", "NOTE", note)).AssertProblem(HttpStatusCode.NotFound, "exports.source_not_found");
        var list = await theirs.GetAsync("/api/v1/exports");
        Assert.That(JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That((await mine.GetAsync($"/api/v1/exports/{export}/file")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the owner still has it");
    }

    [Test]
    public async Task A_case_export_needs_the_export_permission_and_is_shared_with_those_who_have_it()
    {
        var owner = await this.CreateAccountAsync("case_export_owner");
        var editor = await this.CreateAccountAsync("case_export_editor");
        var viewer = await this.CreateAccountAsync("case_export_viewer");
        var outsider = await this.CreateAccountAsync("case_export_outsider");
        using var ownerClient = this.ClientFor(owner);
        var caseId = (await ownerClient.CreateCaseAsync("Harbour crane failure")).Id();
        await ownerClient.InviteAsync(caseId, editor.Username, "EDITOR");
        await ownerClient.InviteAsync(caseId, viewer.Username, "VIEWER");
        var noteId = await ownerClient.NoteInCaseAsync(caseId, "Crane log — クレーン", "The hoist brake slipped twice.");

        using var viewerClient = this.ClientFor(viewer);
        using var outsiderClient = this.ClientFor(outsider);
        using var editorClient = this.ClientFor(editor);
        await (await viewerClient.RequestExportAsync("case", "CASE", caseId)).AssertProblem(HttpStatusCode.Forbidden, "exports.case_forbidden");
        await (await outsiderClient.RequestExportAsync("case", "CASE", caseId)).AssertProblem(HttpStatusCode.NotFound, "exports.source_not_found");

        var export = await editorClient.QueueExportAsync("case", "CASE", caseId);
        var (_, bytes) = await editorClient.DownloadAsync(export);

        Assert.That((await ownerClient.GetAsync($"/api/v1/exports/{export}/file")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a participant allowed to export may download it");
        await (await ownerClient.PostAsync($"/api/v1/exports/{export}/cancel", null)).AssertProblem(HttpStatusCode.Forbidden, "exports.not_requester");
        await (await viewerClient.GetAsync($"/api/v1/exports/{export}/file")).AssertProblem(HttpStatusCode.NotFound, "exports.not_found");
        await (await outsiderClient.GetAsync($"/api/v1/exports/{export}")).AssertProblem(HttpStatusCode.NotFound, "exports.not_found");

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(names, Does.Contain("case.json").And.Contain("timeline.json").And.Contain("manifest.json"));
        Assert.That(names.Count(n => n.StartsWith("notes/", StringComparison.Ordinal) && n.EndsWith("/note.json", StringComparison.Ordinal)), Is.EqualTo(1));
        var noteJson = await ReadAsync(zip.Entries.Single(e => e.FullName.EndsWith("/note.json", StringComparison.Ordinal)));
        Assert.That(noteJson, Does.Contain(noteId.ToString()).And.Contain("The hoist brake slipped twice."));
        Assert.That(await ReadAsync(zip.GetEntry("timeline.json")!), Does.Contain("CASE_CREATED"));
        ManifestMatches(zip);

        // Removing the editor ends their access to the case's export at once.
        await ownerClient.RemoveAsync(caseId, editor.UserId);
        await (await editorClient.GetAsync($"/api/v1/exports/{export}")).AssertProblem(HttpStatusCode.NotFound, "exports.not_found");
    }

    /// <summary>Every entry but the manifest is listed in it with its size and SHA-256, and nothing else is.</summary>
    internal static void ManifestMatches(ZipArchive zip)
    {
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (Bytes: f.GetProperty("bytes").GetInt64(), Sha: f.GetProperty("sha256").GetString()));
        var entries = zip.Entries.Where(e => e.FullName != "manifest.json").ToList();
        Assert.That(listed.Keys, Is.EquivalentTo(entries.Select(e => e.FullName)));
        foreach (var entry in entries)
        {
            using var stream = entry.Open();
            var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            Assert.That((entry.Length, sha), Is.EqualTo(listed[entry.FullName]), entry.FullName);
        }
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }
}
