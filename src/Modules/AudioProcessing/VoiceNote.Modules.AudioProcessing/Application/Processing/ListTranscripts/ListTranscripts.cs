using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.ListTranscripts;

/// <summary>The transcript versions of one of the caller's recordings, newest first, each with its latest analysis; words only when asked. Keyset-paged on the version.</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record ListTranscripts(Guid AudioId, bool WithWords, PageQuery Page) : IQuery<Page<TranscriptVersionDto>>;

internal sealed class ListTranscriptsValidator : AbstractValidator<ListTranscripts>
{
    public ListTranscriptsValidator() => RuleFor(q => q.Page).ValidPage();
}

/// <summary>
/// One transcript version with the analysis made of it (if any). Mapped by hand (docs/decisions/0003): the
/// words and the analysis are JSON parsed in C#, and each version shows the latest of its analyses.
/// <see cref="Fallback"/> and <see cref="AnalysisFallback"/> say when an AUTO run used the offline engine
/// instead of the owner's, and why (docs/decisions/0065).
/// </summary>
internal sealed record TranscriptVersionDto(
    int Version,
    string Engine,
    string Language,
    string Text,
    double DurationSeconds,
    DateTimeOffset CreatedAt,
    IReadOnlyList<TranscriptWord>? Words,
    string? AnalysisEngine,
    PublishedAnalysis? Analysis,
    EngineFallbackDto? Fallback,
    EngineFallbackDto? AnalysisFallback);

internal sealed class ListTranscriptsHandler(AudioProcessingDbContext db) : IQueryHandler<ListTranscripts, Page<TranscriptVersionDto>>
{
    public async Task<Result<Page<TranscriptVersionDto>>> Handle(ListTranscripts request, CancellationToken cancellationToken)
    {
        var audioId = request.AudioId;
        if (!await db.AudioFiles.WithSpecification(new RecordingById(audioId)).AnyAsync(cancellationToken))
        {
            return AudioErrors.NotFound;
        }

        if (!KeysetCursor.TryDecode(request.Page.Cursor, out VersionPosition? after))
        {
            return KeysetCursor.Invalid;
        }

        var rows = await db.Transcripts.WithSpecification(new TranscriptsOfRecordingPage(audioId, after, request.Page.Limit)).ToListAsync(cancellationToken);
        var page = KeysetPage.From(rows, request.Page.Limit, last => KeysetCursor.Encode(new VersionPosition(last.Version)), null);
        var transcriptIds = page.Items.Select(t => t.Id).ToList();
        var analyses = await db.Analyses.WithSpecification(new AnalysesOfTranscripts(audioId, transcriptIds)).ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal ? await db.Transcripts.WithSpecification(new TranscriptsOfRecording(audioId)).LongCountAsync(cancellationToken) : null;
        var items = page.Items.Select(t =>
        {
            var analysis = analyses.Where(a => a.TranscriptId == t.Id).MaxBy(a => a.CreatedAt);
            return new TranscriptVersionDto(
                t.Version,
                ApiNames.UpperSnake(t.Engine),
                t.Language,
                t.Text,
                Math.Round(t.Duration.TotalSeconds, 3),
                t.CreatedAt,
                request.WithWords ? t.ReadWords() : null,
                analysis?.Engine,
                analysis is null ? null : PublishedAnalysis.Read(analysis.Result).ForClients(),
                EngineFallbackDto.Of(ApiNames.UpperSnakeOrNull(t.FallbackFrom), t.FallbackReason),
                analysis is null ? null : EngineFallbackDto.Of(analysis.FallbackFrom, analysis.FallbackReason));
        }).ToList();
        return new Page<TranscriptVersionDto>(items, items.Count, total, page.NextCursor);
    }
}

internal sealed class ListTranscriptsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/audio/{id}/transcripts", async (Guid id, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct, bool words = false) =>
                (await sender.Send(new ListTranscripts(id, words, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.AudioRead).WithTags("Audio processing")
            .WithName("listTranscripts").Produces<Page<TranscriptVersionDto>>()
            .WithSummary("The recording's transcript versions (engine, language, analysis), newest first");
}
