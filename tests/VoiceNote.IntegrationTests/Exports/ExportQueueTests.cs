using System.Net;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Exports;

/// <summary>
/// Export requests while no worker runs (so they stay pending): the same request twice answers the pending export, a
/// cancelled one never writes, the hourly quota holds, and requests that cannot be served get a clear problem.
/// </summary>
public sealed class ExportQueueTests : ExportFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Exports:PerUserPerHour"] = "6",
    };

    [Test]
    public async Task The_same_request_while_pending_answers_the_pending_export()
    {
        var owner = await this.CreateAccountAsync("export_twice");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Asked for twice")).Id();

        var first = await client.QueueExportAsync("markdown_summary", "NOTE", note);

        var again = await client.RequestExportAsync("markdown_summary", "NOTE", note);
        var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("id").GetGuid(), Is.EqualTo(first));

        var otherFormat = await client.QueueExportAsync("markdown_transcript", "NOTE", note);
        Assert.That(otherFormat, Is.Not.EqualTo(first), "another format is another export");
    }

    [Test]
    public async Task A_cancelled_export_never_writes_and_reads_as_cancelled()
    {
        var owner = await this.CreateAccountAsync("export_cancel");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Not wanted after all")).Id();
        var export = await client.QueueExportAsync("docx", "NOTE", note);

        var cancelled = await client.PostAsync($"/api/v1/exports/{export}/cancel", null);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancelled.Content.ReadAsStringAsync());
        var read = await client.FinishedAsync(export);
        Assert.That(read.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
        await (await client.GetAsync($"/api/v1/exports/{export}/file")).AssertProblem(HttpStatusCode.Conflict, "exports.not_ready");
        await (await client.PostAsync($"/api/v1/exports/{export}/cancel", null)).AssertProblem(HttpStatusCode.Conflict, "exports.finished");
        Assert.That(Directory.EnumerateFiles(Api.StorageRoot, $"{export:N}*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task Past_the_hourly_quota_a_request_is_refused_with_a_problem()
    {
        var owner = await this.CreateAccountAsync("export_quota");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Exported a lot")).Id();
        string[] types = ["txt", "json", "srt", "vtt", "markdown_summary", "markdown_transcript"];
        foreach (var type in types)
        {
            await client.QueueExportAsync(type, "NOTE", note);
        }

        await (await client.RequestExportAsync("docx", "NOTE", note)).AssertProblem(HttpStatusCode.TooManyRequests, "exports.quota_exceeded");
    }

    [Test]
    public async Task Requests_that_cannot_be_served_get_a_clear_problem()
    {
        var owner = await this.CreateAccountAsync("export_bad");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Source")).Id();

        await (await client.RequestExportAsync("pdf_poster", "NOTE", note)).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.RequestExportAsync("account", "NOTE", note)).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.RequestExportAsync("srt", "NOTE")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.RequestExportAsync("srt", "NOTE", Guid.NewGuid())).AssertProblem(HttpStatusCode.NotFound, "exports.source_not_found");
        Assert.That(await CountAsync($"SELECT count(*) FROM exports.exports WHERE owner_id = '{owner.UserId}'"), Is.Zero, "nothing was queued");
    }
}
