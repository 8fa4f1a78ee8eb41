using System.Net;
using System.Text.Json;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Library.ListAudio;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.AudioProcessing.Uploads;

/// <summary>
/// The library's and the job list's reads project with Mapster inside the query (docs/decisions/0003): the
/// SQL reads the DTO's columns only (with a control: an entity read does read the storage key), and the
/// JSON is the one the hand-written mappers gave, member for member and in the same order.
/// </summary>
public sealed class AudioProjectionTests : DatabaseFixture
{
    private static readonly string[] ColumnsTheLibraryNeverReads = ["storage_key", "idempotency_key", "processing_job_id"];

    // Uploads queue their processing; here it stays queued, so the job list has a pending job to show.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };

    [Test]
    public async Task A_recording_reads_its_columns_only_and_answers_the_json_the_hand_mapping_gave()
    {
        var owner = await this.CreateAccountAsync("library");
        using var client = this.ClientFor(owner);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Dentist"), "title" },
            { new StringContent("call the dentist tomorrow"), "onDeviceTranscript" },
            { new StringContent("en-US"), "language" },
        };
        content.Add(new StreamContent(File.OpenRead(await SpeechSamples.DentistAsAsync("webm-opus"))), "file", "dentist.webm");
        var id = (await AudioUploadTests.ReadAsync(await client.PostAsync("/api/v1/audio", content), HttpStatusCode.Created)).Id();

        await using var scope = CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AudioProcessingDbContext>>();
        using var fileSteps = new FileSteps();
        await using var db = new AudioProcessingDbContext(options, new StaticCurrentUser(new UserId(owner.UserId)), TimeProvider.System, fileSteps);
        var page = db.AudioFiles.WithSpecification(new RecordingsOfOwnerPage(false, null, 20)).ProjectToType<AudioFileDto>(AudioMappings.Config);
        var sql = page.ToQueryString();
        var entitySql = db.AudioFiles.WithSpecification(new RecordingsOfOwnerPage(false, null, 20)).ToQueryString();
        var stored = await db.AudioFiles.AsNoTracking().SingleAsync(a => a.Id == id);

        // What the hand-written AudioFileDto.From gave for the stored row, in its member order and the API's casing and dates (ADR 0061).
        var before = JsonSerializer.Serialize(
            new
            {
                id = stored.Id,
                title = stored.Title,
                originalName = stored.OriginalName,
                format = stored.Format,
                codec = stored.Codec,
                sizeBytes = stored.SizeBytes,
                durationSeconds = Math.Round(stored.Duration.TotalSeconds, 3),
                sha256 = stored.Sha256,
                status = stored.Status.ToString().ToUpperInvariant(),
                speechEngine = ApiNames.UpperSnake(stored.SpeechEngine),
                processingError = stored.ProcessingError,
                onDeviceTranscript = stored.OnDeviceTranscript,
                onDeviceTranscriptLanguage = stored.OnDeviceTranscriptLanguage,
                recordedAt = UtcMicrosecondDates.Write(stored.RecordedAt),
                isArchived = stored.IsArchived,
                archiveReason = stored.ArchiveReason,
                createdAt = UtcMicrosecondDates.Write(stored.CreatedAt),
                updatedAt = UtcMicrosecondDates.Write(stored.UpdatedAt),
            },
            JsonSerializerOptions.Web);
        var one = (await AudioUploadTests.ReadAsync(await client.GetAsync($"/api/v1/audio/{id}"), HttpStatusCode.OK)).GetRawText();
        var listed = (await AudioUploadTests.ReadAsync(await client.GetAsync("/api/v1/audio"), HttpStatusCode.OK)).GetProperty("items")[0].GetRawText();

        Assert.Multiple(() =>
        {
            foreach (var column in ColumnsTheLibraryNeverReads)
            {
                Assert.That(sql, Does.Not.Contain(column), $"the library projection reads {column}");
            }

            Assert.That(entitySql, Does.Contain("storage_key").And.Contain("idempotency_key"), "control: an entity read does read them");
            Assert.That(stored.Title, Is.EqualTo("Dentist"));
            Assert.That(stored.OnDeviceTranscriptLanguage, Is.EqualTo("en-US"));
            Assert.That(one, Is.EqualTo(before));
            Assert.That(listed, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task The_admin_job_list_answers_the_json_the_hand_mapping_gave()
    {
        var owner = await this.CreateAccountAsync("queued");
        using var client = this.ClientFor(owner);
        var id = (await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("ogg-opus"), false)), HttpStatusCode.Created)).Id();
        var admin = await this.CreateAccountAsync("jobs-operator");
        await this.GrantAdminAsync(admin, AdminPermissions.CanModifySystemSettings);
        using var adminClient = this.ClientFor(admin);

        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AudioProcessingDbContext>();
        var jobId = await db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).Where(a => a.Id == id).Select(a => a.ProcessingJobId).SingleAsync();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);

        // What the hand-written AdminJobDto.From gave for the stored job, in its member order and the API's casing and dates (ADR 0061).
        var before = JsonSerializer.Serialize(
            new
            {
                id = job.Id,
                kind = job.Kind,
                ownerId = job.OwnerId,
                status = job.Status.ToString().ToUpperInvariant(),
                stage = ApiNames.UpperSnakeOrNull(job.Stage),
                progress = job.Progress,
                attempts = job.Attempts,
                maxAttempts = job.MaxAttempts,
                error = job.Error,
                createdAt = UtcMicrosecondDates.Write(job.CreatedAt),
                updatedAt = UtcMicrosecondDates.Write(job.UpdatedAt),
                finishedAt = job.FinishedAt is { } finished ? UtcMicrosecondDates.Write(finished) : null,
            },
            JsonSerializerOptions.Web);
        var items = (await adminClient.GetJsonAsync("/api/v1/admin/audio/jobs?status=Pending")).GetProperty("items");

        Assert.That(items.EnumerateArray().Select(i => i.GetRawText()), Does.Contain(before));
    }
}
