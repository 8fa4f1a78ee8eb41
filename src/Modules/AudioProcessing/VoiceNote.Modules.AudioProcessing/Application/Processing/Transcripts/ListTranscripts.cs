using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Application.Library;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Transcripts;

/// <summary>One transcript version with the analysis made of it (if any); words only on request.</summary>
internal sealed record TranscriptVersionDto(
    int Version,
    string Engine,
    string Language,
    string Text,
    double DurationSeconds,
    DateTimeOffset CreatedAt,
    IReadOnlyList<TranscriptWord>? Words,
    string? AnalysisEngine,
    PublishedAnalysis? Analysis);

/// <summary>Every transcript of the caller's recording, newest first (seed 001's versioned transcripts).</summary>
internal sealed class TranscriptHistory(AudioDbContext db)
{
    public async Task<Result<IReadOnlyList<TranscriptVersionDto>>> ListAsync(Guid audioId, bool withWords, CancellationToken ct)
    {
        if (!await db.AudioFiles.AnyAsync(a => a.Id == audioId, ct))
        {
            return AudioErrors.NotFound;
        }

        var transcripts = await db.Transcripts.AsNoTracking().Where(t => t.AudioId == audioId).OrderByDescending(t => t.Version).ToListAsync(ct);
        var analyses = await db.Analyses.AsNoTracking().Where(a => a.AudioId == audioId).ToListAsync(ct);
        return transcripts.Select(t =>
        {
            var analysis = analyses.Where(a => a.TranscriptId == t.Id).MaxBy(a => a.CreatedAt);
            return new TranscriptVersionDto(
                t.Version,
                t.Engine,
                t.Language,
                t.Text,
                Math.Round(t.Duration.TotalSeconds, 3),
                t.CreatedAt,
                withWords ? t.ReadWords() : null,
                analysis?.Engine,
                analysis is null ? null : PublishedAnalysis.Read(analysis.Result));
        }).ToList();
    }
}

internal sealed class ListTranscriptsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id:guid}/transcripts", async (Guid id, TranscriptHistory history, CancellationToken ct, bool words = false) =>
                (await history.ListAsync(id, words, ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing").WithSummary("The recording's transcript versions (engine, language, analysis), newest first");
}
