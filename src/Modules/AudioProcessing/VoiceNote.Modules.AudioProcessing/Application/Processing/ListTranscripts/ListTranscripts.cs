using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.ListTranscripts;

/// <summary>Every transcript version of one of the caller's recordings, newest first, each with its latest analysis; words only when asked.</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record ListTranscripts(Guid AudioId, bool WithWords) : IQuery<IReadOnlyList<TranscriptVersionDto>>;

/// <summary>One transcript version with the analysis made of it (if any).</summary>
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

internal sealed class ListTranscriptsHandler(AudioProcessingDbContext db) : IQueryHandler<ListTranscripts, IReadOnlyList<TranscriptVersionDto>>
{
    public async Task<Result<IReadOnlyList<TranscriptVersionDto>>> Handle(ListTranscripts request, CancellationToken cancellationToken)
    {
        var audioId = request.AudioId;
        if (!await db.AudioFiles.AnyAsync(a => a.Id == audioId, cancellationToken))
        {
            return AudioErrors.NotFound;
        }

        var transcripts = await db.Transcripts.AsNoTracking().Where(t => t.AudioId == audioId).OrderByDescending(t => t.Version).ToListAsync(cancellationToken);
        var analyses = await db.Analyses.AsNoTracking().Where(a => a.AudioId == audioId).ToListAsync(cancellationToken);
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
                request.WithWords ? t.ReadWords() : null,
                analysis?.Engine,
                analysis is null ? null : PublishedAnalysis.Read(analysis.Result));
        }).ToList();
    }
}

internal sealed class ListTranscriptsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id:guid}/transcripts", async (Guid id, ISender sender, CancellationToken ct, bool words = false) =>
                (await sender.Send(new ListTranscripts(id, words), ct)).ToOk())
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing").WithSummary("The recording's transcript versions (engine, language, analysis), newest first");
}
