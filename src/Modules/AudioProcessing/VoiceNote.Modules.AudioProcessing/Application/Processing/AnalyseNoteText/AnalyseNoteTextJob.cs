using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.AnalyseNoteText;

/// <summary>
/// Analyses a note's latest text with the pipeline's analyse stage on AUTO (the owner's language model, else
/// the local rules; a model that fails gives way to them as for a recording) and publishes the result to Notes
/// in the same transaction as the mark that it was analysed: the same text is never analysed or published twice.
/// A job queued for a text that has since been replaced does nothing; the newer text's job analyses it.
/// </summary>
internal sealed class AnalyseNoteTextJob(
    AudioProcessingDbContext db, IIdentityModule identity, AnalyseStage analyse, TimeProvider clock, ILogger<AnalyseNoteTextJob> logger) : IJobHandler
{
    public string Kind => AnalyseNoteText.Kind;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<AnalyseNoteTextPayload>(job.Payload, JsonSerializerOptions.Web)
            ?? throw new JsonException("A note analysis job without a payload.");
        var owner = new UserId(payload.OwnerId);
        var note = await db.NoteTexts.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .FirstOrDefaultAsync(a => a.NoteId == payload.NoteId && a.OwnerId == owner, cancellationToken);
        if (note is null || note.TextHash != payload.TextHash || note.IsAnalysed)
        {
            return JobOutcome.Done;
        }

        await job.ReportAsync(ProcessingStage.Analyse, 50, cancellationToken);
        var user = await identity.GetUserContextAsync(owner, cancellationToken);
        if (user is null)
        {
            return JobOutcome.Fail(AnalyseStage.OwnerGone.Message);
        }

        var input = AnalysisInput.OfTypedText(note.Text, note.RecordedAt, note.Language ?? user.PreferredLanguage, OwnerContexts.Of(user));
        var analysed = await analyse.AnalyseAsync(owner, input, SpeechEngineChoice.Auto, lastAttempt: !job.CanRetry, note.NoteId, cancellationToken);
        if (analysed.IsFailure)
        {
            var reason = $"{ProcessingStage.Analyse}: {analysed.Error.Code}: {analysed.Error.Message}";
            logger.LogWarning("Note {NoteId}, job {JobId}, attempt {Attempt}: analysis failed with {Code}", note.NoteId, job.Id, job.Attempt, analysed.Error.Code);
            return EngineFailures.IsTransient(analysed.Error) ? JobOutcome.Retry(reason) : JobOutcome.Fail(reason);
        }

        var (result, fallback) = analysed.Value;
        var published = PublishedAnalysis.From(result);
        var now = clock.GetUtcNow();
        db.Publish(new NoteTextAnalysed(
            note.NoteId,
            owner.Value,
            note.TextHash,
            result.Engine,
            fallback?.From,
            published.Summary,
            published.Title,
            published.Tasks,
            published.KeyMoments,
            published.Sentiment,
            now,
            published.Priority));
        note.MarkAnalysed(now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Note {NoteId} analysed by {Engine} (job {JobId}, attempt {Attempt})", note.NoteId, result.Engine, job.Id, job.Attempt);
        return JobOutcome.Done;
    }
}
