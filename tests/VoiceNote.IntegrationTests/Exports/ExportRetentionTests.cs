using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Messaging;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.Exports.Application.Retention.PruneExpiredExports;

namespace VoiceNote.IntegrationTests.Exports;

/// <summary>
/// Retention (issue 15): an export past its age is gone, file and row, and a younger one stays; the clock is moved by
/// hand. And the account export: everything the user owns, with a manifest that matches it.
/// </summary>
public sealed class ExportRetentionTests : ExportFixture
{
    private readonly FakeClock _clock = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:Retention"] = "1.00:00:00",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Test]
    public async Task An_export_past_its_retention_is_removed_file_and_row_and_a_younger_one_stays()
    {
        _clock.Set(DateTimeOffset.UtcNow);
        var owner = await this.CreateAccountAsync("export_retention");
        var client = this.ClientFor(owner);
        var note = (await client.CreateNoteAsync("Kept for a day")).Id();
        var old = await client.QueueExportAsync("txt", "NOTE", note);
        await client.DownloadAsync(old);
        var file = Directory.EnumerateFiles(Api.StorageRoot, $"{old:N}.txt", SearchOption.AllDirectories).Single();

        _clock.Advance(TimeSpan.FromHours(20));
        client = await SignedInAgainAsync(owner); // the first token has expired on the moved clock
        var young = await client.QueueExportAsync("json", "NOTE", note);
        await client.DownloadAsync(young);
        _clock.Advance(TimeSpan.FromHours(5)); // the first is 25 hours old, the second 5
        client = await SignedInAgainAsync(owner);

        await using (var scope = CreateScope())
        {
            var removed = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PruneExpiredExports());
            Assert.That(removed.Value, Is.EqualTo(1));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(File.Exists(file), Is.False, "the file is gone");
            Assert.That(await CountAsync($"SELECT count(*) FROM exports.exports WHERE id = '{old}'"), Is.Zero, "the row is gone");
            Assert.That(await CountAsync($"SELECT count(*) FROM exports.jobs WHERE id = '{old}'"), Is.Zero, "its job is gone");
            await (await client.GetAsync($"/api/v1/exports/{old}")).AssertProblem(HttpStatusCode.NotFound, "exports.not_found");
            Assert.That((await client.GetAsync($"/api/v1/exports/{young}/file")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the younger one stays");
        });
    }

    private async Task<HttpClient> SignedInAgainAsync(TestAccount account)
    {
        var (accessToken, _, _) = await TestAccounts.SignInAsync(Client, account.Username, account.Password);
        return this.ClientWithToken(accessToken);
    }

    [Test]
    public async Task The_account_export_holds_every_note_task_and_recording_file_with_matching_checksums()
    {
        var owner = await this.CreateAccountAsync("export_account");
        using var client = this.ClientFor(owner);
        var first = (await client.CreateNoteAsync("Dentist — 歯医者", "Tuesday 9:30")).Id();
        await client.CreateTaskAsync(first, new { description = "Call to confirm", priority = "LOW" });
        var second = (await client.CreateNoteAsync("Groceries", "Oat milk, Äpfel")).Id();
        await client.DeleteAsync($"/api/v1/notes/{second}"); // in the trash, still theirs

        var export = await client.QueueExportAsync("account", "ACCOUNT");
        var (response, bytes) = await client.DownloadAsync(export);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));

        using var zip = new ZipArchive(new MemoryStream(bytes));
        ExportAccessTests.ManifestMatches(zip);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(names, Does.Contain("profile.json"));
        Assert.That(names.Count(n => n.EndsWith("/note.json", StringComparison.Ordinal)), Is.EqualTo(2));
        using var profile = new StreamReader(zip.GetEntry("profile.json")!.Open());
        var profileText = await profile.ReadToEndAsync();
        Assert.That(profileText, Does.Contain(owner.Username).And.Not.Contain(owner.Password));
        var notes = string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith("/note.json", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.That(notes, Does.Contain("Call to confirm").And.Contain("Äpfel").And.Contain("歯医者"));
    }
}
