using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.KeepVersions;

/// <summary>
/// Keeps every transcription and analysis of a recording a case holds as a version (docs/decisions/0079), from
/// AudioProcessing's events; never from its tables. Keyed by (recording, kind, transcript version number), so an
/// event delivered twice adds nothing. An event naming the case the recording was uploaded into also (re)adds it
/// to that case, so a recording whose case row was not written still arrives. Other recordings are ignored.
/// </summary>
internal sealed class KeepVersionsOfCaseAudio(CasesDbContext db)
    : IIntegrationEventHandler<AudioTranscribed>, IIntegrationEventHandler<AudioAnalysed>
{
    public async Task Handle(AudioTranscribed e, CancellationToken cancellationToken)
    {
        if (e.TranscriptVersion is not { } version || !await HeldAsync(e.AudioId, e.OwnerId, e.CaseId, e.TranscribedAt, cancellationToken))
        {
            return;
        }

        var run = new TranscriptRun(version, EngineName(e), e.Language, e.StartedBy ?? e.OwnerId, e.JobId ?? Guid.Empty, e.TranscribedAt, e.Text);
        if (await db.AddTranscriptAsync(e.AudioId, run, cancellationToken) == 1)
        {
            await AnnounceAsync(e.AudioId, CaseRecordingVersionAdded.Transcript, version, run.Engine, run.StartedBy, e.TranscribedAt, cancellationToken);
        }
    }

    public async Task Handle(AudioAnalysed e, CancellationToken cancellationToken)
    {
        if (e.TranscriptVersion is not { } version || !await HeldAsync(e.AudioId, e.OwnerId, e.CaseId, e.AnalysedAt, cancellationToken))
        {
            return;
        }

        var run = new AnalysisRun(
            version, e.Engine ?? "unknown", e.Language ?? "und", e.StartedBy ?? e.OwnerId, e.JobId ?? Guid.Empty, e.AnalysedAt,
            e.Summary, e.Title, e.Tasks, e.KeyMoments, e.Sentiment, e.Priority);
        if (await db.AddAnalysisAsync(e.AudioId, run, cancellationToken) == 1)
        {
            await AnnounceAsync(e.AudioId, CaseRecordingVersionAdded.Analysis, version, run.Engine, run.StartedBy, e.AnalysedAt, cancellationToken);
        }
    }

    /// <summary>A kept version goes on the timeline of every case that holds the recording (once: a repeat adds no row).</summary>
    private async Task AnnounceAsync(Guid audioId, string kind, int version, string engine, Guid startedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var cases = await db.Recordings.AsNoTracking().Where(r => r.AudioId == audioId).Select(r => r.CaseId).ToListAsync(cancellationToken);
        foreach (var caseId in cases)
        {
            db.Publish(new CaseRecordingVersionAdded(caseId, audioId, kind, version, engine, startedBy, at));
        }
    }

    /// <summary>The engine as the transcript's options name it ("openai-compatible"), else the event's coarse name.</summary>
    private static string EngineName(AudioTranscribed e)
    {
        if (e.ProcessingOptions is { } options)
        {
            using var json = System.Text.Json.JsonDocument.Parse(options);
            if (json.RootElement.TryGetProperty("engine", out var engine) && engine.GetString() is { Length: > 0 } name)
            {
                return name;
            }
        }

        return e.Engine.ToString().ToLowerInvariant();
    }

    private async Task<bool> HeldAsync(Guid audioId, Guid ownerId, Guid? caseId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (caseId is { } home)
        {
            await db.AddRecordingAsync(home, audioId, ownerId, CaseRecordingSource.Uploaded, ownerId, at, cancellationToken);
        }

        return await db.Recordings.AnyAsync(r => r.AudioId == audioId, cancellationToken);
    }
}
