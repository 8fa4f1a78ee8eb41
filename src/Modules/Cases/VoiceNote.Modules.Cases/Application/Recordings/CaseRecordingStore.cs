using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings;

/// <summary>An analysis as a case keeps it: what AudioProcessing published about one run (docs/decisions/0079).</summary>
internal sealed record CaseAnalysis(
    string Summary,
    string? Title,
    IReadOnlyList<AnalysedTask> Tasks,
    IReadOnlyList<AnalysedKeyMoment> KeyMoments,
    AnalysedSentiment? Sentiment,
    AnalysedPriority? Priority)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CaseAnalysis Read(string json) => JsonSerializer.Deserialize<CaseAnalysis>(json, Json) ?? throw new JsonException("An analysis version holds no analysis.");
}

/// <summary>
/// The writes that may race (an event delivered twice, an event and an attachment reading the same version): each
/// is one INSERT … ON CONFLICT DO NOTHING on the row's natural key, so whichever comes second changes nothing.
/// </summary>
internal static class CaseRecordingStore
{
    /// <summary>Adds the recording to the case unless it is there already (or the case is gone); true when added.</summary>
    public static async Task<bool> AddRecordingAsync(
        this CasesDbContext db, Guid caseId, Guid audioId, Guid ownerId, CaseRecordingSource source, Guid addedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = source.ToString();
        var added = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO cases.recordings (case_id, audio_id, owner_id, source, added_by, added_at)
             SELECT {caseId}, {audioId}, {ownerId}, {kind}, {addedBy}, {now} WHERE EXISTS (SELECT 1 FROM cases.cases WHERE id = {caseId})
             ON CONFLICT (case_id, audio_id) DO NOTHING
             """,
            cancellationToken);
        return added == 1;
    }

    public static Task<int> AddTranscriptAsync(this CasesDbContext db, Guid audioId, TranscriptRun run, CancellationToken cancellationToken) =>
        db.AddVersionAsync(audioId, RecordingVersionKind.Transcript, run.Version, run.Engine, run.Language, run.StartedBy, run.JobId, run.CreatedAt, run.Text, null, cancellationToken);

    public static Task<int> AddAnalysisAsync(this CasesDbContext db, Guid audioId, AnalysisRun run, CancellationToken cancellationToken) =>
        db.AddVersionAsync(
            audioId, RecordingVersionKind.Analysis, run.Version, run.Engine, run.Language, run.StartedBy, run.JobId, run.CreatedAt, null,
            new CaseAnalysis(run.Summary, run.Title, run.Tasks, run.KeyMoments, run.Sentiment, run.Priority).ToJson(), cancellationToken);

    /// <summary>Brings a recording's existing versions along when it joins a case after it was processed.</summary>
    public static async Task AddVersionsAsync(this CasesDbContext db, Guid audioId, RecordingVersions versions, CancellationToken cancellationToken)
    {
        foreach (var transcript in versions.Transcripts)
        {
            await db.AddTranscriptAsync(audioId, transcript, cancellationToken);
        }

        foreach (var analysis in versions.Analyses)
        {
            await db.AddAnalysisAsync(audioId, analysis, cancellationToken);
        }
    }

    /// <summary>Forgets a recording's versions once no case holds it any more.</summary>
    public static Task<int> ForgetUnheldVersionsAsync(this CasesDbContext db, Guid audioId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"DELETE FROM cases.recording_versions WHERE audio_id = {audioId} AND NOT EXISTS (SELECT 1 FROM cases.recordings WHERE audio_id = {audioId})",
            cancellationToken);

    private static Task<int> AddVersionAsync(
        this CasesDbContext db, Guid audioId, RecordingVersionKind kind, int number, string engine, string language, Guid startedBy, Guid? jobId,
        DateTimeOffset createdAt, string? text, string? result, CancellationToken cancellationToken)
    {
        var kindName = kind.ToString();
        var engineName = engine.Length > RecordingVersion.EngineLength ? engine[..RecordingVersion.EngineLength] : engine;
        var languageTag = language.Length > 16 ? language[..16] : language;
        return db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO cases.recording_versions (audio_id, kind, number, engine, language, started_by, job_id, created_at, text, result)
             VALUES ({audioId}, {kindName}, {number}, {engineName}, {languageTag}, {startedBy}, {jobId}, {createdAt}, {text}, CAST({result} AS jsonb))
             ON CONFLICT (audio_id, kind, number) DO NOTHING
             """,
            cancellationToken);
    }
}
