using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Jobs;
using VoiceNote.Application.Paging;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Admin;
using VoiceNote.Modules.AudioProcessing.Application.Admin.ListAudioJobs;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Library.DownloadAudio;
using VoiceNote.Modules.AudioProcessing.Application.Library.ListAudio;
using VoiceNote.Modules.AudioProcessing.Application.Processing;

namespace VoiceNote.UnitTests.AudioProcessing;

/// <summary>
/// The AudioProcessing reads as specifications (docs/decisions/0006): the conditions, orders and paging
/// below are the ones the handlers' inline queries produced (keyset pages since docs/decisions/0062), the owner filter stays on every recording
/// read, and each projection reads its DTO's columns only.
/// </summary>
public sealed class AudioListSpecificationTests
{
    [Test]
    public void The_library_page_is_the_callers_newest_first_and_its_count_has_no_order()
    {
        using var db = AudioQueryContext.For(UserId.New());
        var first = db.AudioFiles.WithSpecification(new RecordingsOfOwnerPage(false, null, 20)).ProjectToType<AudioFileDto>(AudioMappings.Config).ToQueryString();
        var later = db.AudioFiles.WithSpecification(new RecordingsOfOwnerPage(true, new TimePosition(DateTimeOffset.UnixEpoch, Guid.NewGuid()), 20))
            .ProjectToType<AudioFileDto>(AudioMappings.Config).ToQueryString();
        var count = db.AudioFiles.WithSpecification(new RecordingsOfOwner(true)).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("WHERE a.owner_id = @ef_filter__CurrentOwnerId AND a.is_archived = @archived\nORDER BY a.created_at DESC, a.id DESC\nLIMIT @p"));
            Assert.That(later, Does.Match(@"a\.is_archived = @archived AND \(a\.created_at, a\.id\) < \(@\w+, @\w+\)\nORDER BY a\.created_at DESC, a\.id DESC\nLIMIT @p"));
            Assert.That(later, Does.Not.Contain("OFFSET"), "keyset, never offset");
            Assert.That(count, Does.Contain("WHERE a.owner_id = @ef_filter__CurrentOwnerId AND a.is_archived = @archived").And.Not.Contain("ORDER BY").And.Not.Contain("LIMIT"));
        });
    }

    [Test]
    public void The_recording_projection_reads_the_dto_columns_and_converts_duration_and_status_in_csharp()
    {
        using var db = AudioQueryContext.For(UserId.New());
        var sql = db.AudioFiles.WithSpecification(new RecordingById(Guid.NewGuid())).ProjectToType<AudioFileDto>(AudioMappings.Config).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.Contain("WHERE a.owner_id = @ef_filter__CurrentOwnerId AND a.id = @id"));

            // The interval and the status number as they are: rounding and naming happen on the row read.
            Assert.That(sql, Does.Contain("a.duration, a.sha256, a.status,").And.Not.Contain("round(").And.Not.Contain("CASE"));
            foreach (var column in new[] { "storage_key", "idempotency_key", "processing_job_id", "a.owner_id," })
            {
                Assert.That(sql, Does.Not.Contain(column));
            }
        });
    }

    [Test]
    public void A_download_and_a_processing_status_read_only_what_they_need()
    {
        using var db = AudioQueryContext.For(UserId.New());
        var download = db.AudioFiles.WithSpecification(new StoredFileOfRecording(Guid.NewGuid())).ToQueryString();
        var processing = db.AudioFiles.WithSpecification(new ProcessingOfRecording(Guid.NewGuid())).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(download, Does.Contain("SELECT a.storage_key, a.format\nFROM audio.audio_files AS a\nWHERE a.owner_id = @ef_filter__CurrentOwnerId AND a.id = @id"));
            Assert.That(processing, Does.Contain("SELECT a.id, a.status, a.processing_error, a.speech_engine, a.processing_job_id, a.updated_at\nFROM audio.audio_files AS a\nWHERE a.owner_id"));
            Assert.That(processing, Does.Not.Contain("on_device_transcript"));
        });
    }

    [Test]
    public void The_admin_job_list_sees_every_owner_most_recently_changed_first()
    {
        using var db = AudioQueryContext.For(UserId.New());
        var all = db.Jobs.WithSpecification(new AllAudioJobsPage(null, null, 20)).ProjectToType<AdminJobDto>(AudioMappings.Config).ToQueryString();
        var failed = db.Jobs.WithSpecification(new AllAudioJobsPage(JobStatus.Failed, new TimePosition(DateTimeOffset.UnixEpoch, Guid.NewGuid()), 20))
            .ProjectToType<AdminJobDto>(AudioMappings.Config).ToQueryString();
        var count = db.Jobs.WithSpecification(new AllAudioJobs(JobStatus.Failed)).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(all, Does.Contain("FROM audio.jobs AS j\nORDER BY j.updated_at DESC, j.id DESC\nLIMIT @p"));
            Assert.That(failed, Does.Match(@"WHERE j\.status = @wanted AND \(j\.updated_at, j\.id\) < \(@\w+, @\w+\)\nORDER BY j\.updated_at DESC, j\.id DESC\nLIMIT @p"));
            Assert.That(failed, Does.Not.Contain("OFFSET"), "keyset, never offset");
            Assert.That(count, Does.Contain("WHERE j.status = @wanted").And.Not.Contain("ORDER BY"));
            Assert.That(all, Does.Not.Contain("payload").And.Not.Contain("lease_owner"));
        });
    }

    [Test]
    public void A_job_that_blocks_a_reprocess_is_pending_or_processing()
    {
        using var db = AudioQueryContext.For(UserId.New());
        Assert.That(db.Jobs.WithSpecification(new UnfinishedJobById(Guid.NewGuid())).ToQueryString(), Does.Contain("WHERE j.id = @id AND j.status IN ('Pending', 'Processing')"));
    }
}
