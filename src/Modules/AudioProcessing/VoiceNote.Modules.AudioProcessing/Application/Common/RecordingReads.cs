using Microsoft.EntityFrameworkCore;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Library.DownloadAudio;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Application.Storage;
using VoiceNote.Modules.AudioProcessing.Application.Transcripts;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Common;

/// <summary>
/// Recordings as other modules read them through this module's contracts (cases, exports): the summary, the stored file
/// and the versions. Callers decide whose recordings they may read first, so the owner filter is lifted here.
/// </summary>
internal sealed class RecordingReads(AudioProcessingDbContext db, IAudioStorage storage)
{
    public IQueryable<AudioFile> AnyOwner => db.AudioFiles.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking();

    public static RecordingSummary SummaryOf(AudioFile file) => new(
        file.Id,
        file.OwnerId.Value,
        file.CaseId,
        file.Title,
        file.Format,
        AudioFileDto.SecondsOf(file.Duration),
        file.SizeBytes,
        ApiNames.UpperSnake(file.Status.ToString()),
        file.IsArchived,
        file.RecordedAt,
        file.CreatedAt);

    /// <summary>Where the stored bytes are and their media type; null when the file is gone.</summary>
    public RecordingContent? ContentOf(string storageKey, string format)
    {
        var path = storage.PathOf(storageKey);
        return File.Exists(path) ? new RecordingContent(path, AudioContentTypes.Of(format)) : null;
    }

    /// <summary>
    /// Every transcript and analysis of these recordings, by recording, in two queries whatever their number. A run
    /// nobody else started is the owner's.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, RecordingRuns>> RunsAsync(IReadOnlyCollection<AudioFile> files, CancellationToken cancellationToken)
    {
        var ids = files.Select(f => f.Id).ToList();
        var transcripts = await db.Transcripts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Where(t => ids.Contains(t.AudioId)).OrderBy(t => t.Version).ToListAsync(cancellationToken);
        var analyses = await db.Analyses.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Where(a => ids.Contains(a.AudioId)).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var versionOf = transcripts.ToDictionary(t => t.Id, t => t.Version);
        var transcriptsOf = transcripts.ToLookup(t => t.AudioId);
        var analysesOf = analyses.Where(a => versionOf.ContainsKey(a.TranscriptId)).ToLookup(a => a.AudioId);
        return files.ToDictionary(f => f.Id, file =>
        {
            var owner = file.OwnerId.Value;
            var own = transcriptsOf[file.Id].ToList();
            var versions = new RecordingVersions(
                own.Select(t => new TranscriptRun(t.Version, t.Engine, t.Language, t.StartedBy ?? owner, t.JobId, t.CreatedAt, t.Text)).ToList(),
                analysesOf[file.Id].Select(a =>
                {
                    var published = PublishedAnalysis.Read(a.Result);
                    return new AnalysisRun(
                        versionOf[a.TranscriptId], a.Engine, a.Language, a.StartedBy ?? owner, a.JobId, a.CreatedAt,
                        published.Summary, published.Title, published.Tasks, published.KeyMoments, published.Sentiment, published.Priority);
                }).ToList());
            return new RecordingRuns(versions, own.Count == 0 ? [] : TimedWords.Of(own[^1]));
        });
    }
}

/// <summary>A recording's versions and the timed words of its newest transcript (empty when there is none).</summary>
internal sealed record RecordingRuns(RecordingVersions Versions, IReadOnlyList<TimedTranscriptWord> NewestWords);
