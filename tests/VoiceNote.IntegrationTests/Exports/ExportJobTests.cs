using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Exports;

/// <summary>
/// Export jobs through the API (issue 15): queued, written by the worker, followed, downloaded whole or by range under
/// the note's title, and logged when downloaded.
/// </summary>
public sealed class ExportJobTests : ExportFixture
{
    [Test]
    public async Task A_note_exported_as_text_downloads_whole_and_by_range_under_its_title()
    {
        var owner = await this.CreateAccountAsync("export_text");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Zürich: budget / 予算 review", "Ольга approves the café budget.")).Id();
        await client.CreateTaskAsync(note, new { description = "Send the minutes to 김민준", priority = "HIGH" });

        var export = await client.QueueExportAsync("txt", "NOTE", note);
        var (response, bytes) = await client.DownloadAsync(export);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Zürich: budget / 予算 review"));
            Assert.That(text, Does.Contain("Ольга approves the café budget."));
            Assert.That(text, Does.Contain("Send the minutes to 김민준"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("Zürich budget 予算 review.txt"), "what file systems refuse is taken out");
            Assert.That(response.Headers.AcceptRanges, Does.Contain("bytes"));
        });

        var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/{export}/file");
        ranged.Headers.Range = new RangeHeaderValue(10, 19);
        var part = await client.SendAsync(ranged);
        Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[10..20]));

        var finished = await client.FinishedAsync(export);
        Assert.Multiple(() =>
        {
            Assert.That(finished.GetProperty("progress").GetInt32(), Is.EqualTo(100));
            Assert.That(finished.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(bytes.Length));
            Assert.That(finished.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
        });
    }

    [Test]
    public async Task A_download_from_the_first_byte_is_in_the_activity_log_once()
    {
        var owner = await this.CreateAccountAsync("export_logged");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Logged export")).Id();
        var export = await client.QueueExportAsync("json", "NOTE", note);
        await client.DownloadAsync(export);

        // A resumed download's later range is the same download.
        var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/{export}/file");
        ranged.Headers.Range = new RangeHeaderValue(5, null);
        Assert.That((await client.SendAsync(ranged)).StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));

        var logged = await ProcessingApi.EventuallyAsync(
            async () => await CountAsync($"SELECT count(*) FROM activity.entries WHERE type_code = 'EXPORT_DOWNLOADED' AND item_id = '{export}' AND user_id = '{owner.UserId}'") == 1,
            TimeSpan.FromSeconds(20));
        Assert.That(logged, Is.True, "the download reached the activity log");
        await Task.Delay(500);
        Assert.That(await CountAsync($"SELECT count(*) FROM activity.entries WHERE type_code = 'EXPORT_DOWNLOADED' AND item_id = '{export}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_note_exported_as_a_transcript_pdf_reads_back_with_its_title_and_tasks()
    {
        var owner = await this.CreateAccountAsync("export_pdf");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Kraków site visit — 現場", "The scaffold passed inspection.")).Id();
        await client.CreateTaskAsync(note, new { description = "Book the crane for Thursday", priority = "HIGH" });

        var export = await client.QueueExportAsync("pdf_transcript", "NOTE", note);
        var (response, bytes) = await client.DownloadAsync(export);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));

        var pdf = Path.Combine(Api.StorageRoot, $"read-{export:N}.pdf");
        await File.WriteAllBytesAsync(pdf, bytes);
        using var pdftotext = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = await pdftotext.StandardOutput.ReadToEndAsync();
        await pdftotext.WaitForExitAsync();
        Assert.That(text, Does.Contain("Kraków site visit").And.Contain("現場").And.Contain("Book the crane for Thursday"));
    }

    [Test]
    public async Task Progress_events_follow_an_export_until_it_completes()
    {
        var owner = await this.CreateAccountAsync("export_events");
        using var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Followed live")).Id();
        var export = await client.QueueExportAsync("pdf_summary", "NOTE", note);

        using var response = await client.GetAsync($"/api/v1/exports/{export}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var statuses = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                statuses.Add(System.Text.Json.JsonDocument.Parse(line[5..]).RootElement.GetProperty("status").GetString()!);
            }
        }

        Assert.That(statuses, Is.Not.Empty);
        Assert.That(statuses[^1], Is.EqualTo("COMPLETED"), "the stream ends with the finished export");
    }
}
