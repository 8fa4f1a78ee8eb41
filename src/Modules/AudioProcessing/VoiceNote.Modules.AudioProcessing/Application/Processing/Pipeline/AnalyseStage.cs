using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>
/// Analyses a transcript version in the owner's context (time zone, work hours, role, prompt, jargon)
/// and saves the analysis version, once per job. A language model that fails for good (a rejected key,
/// a malformed answer) gives way to the local rules, so the owner still gets tasks; a transient
/// failure is left to the job's retry.
/// </summary>
internal sealed class AnalyseStage(
    AudioProcessingDbContext db, IIdentityModule identity, ITextAnalysers analysers, LocalAnalyser local, TimeProvider clock, ILogger<AnalyseStage> logger)
{
    public static readonly Error OwnerGone = Error.Failure("audio.owner_gone", "The recording's owner no longer exists.");

    public async Task<Result<AnalysisVersion>> RunAsync(JobContext job, AudioFile file, TranscriptVersion transcript, CancellationToken cancellationToken)
    {
        var saved = await db.Analyses.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).FirstOrDefaultAsync(a => a.JobId == job.Id, cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        await job.ReportAsync(ProcessingStage.Analyse, 75, cancellationToken);
        var owner = await identity.GetUserContextAsync(file.OwnerId, cancellationToken);
        if (owner is null)
        {
            return OwnerGone;
        }

        var words = transcript.ReadWords().Select(w => new TimedWord(w.Text, w.Start, w.End, w.Confidence)).ToList();
        var input = AnalysisInput.OfTranscript(transcript.Text, words, file.RecordedAt, transcript.Language, OwnerContexts.Of(owner));

        var analyser = await analysers.ForOwnerAsync(file.OwnerId, cancellationToken);
        var result = await analyser.AnalyseAsync(input, cancellationToken);
        if (result.IsFailure && !EngineFailures.IsTransient(result.Error) && analyser is not LocalAnalyser)
        {
            logger.LogWarning("Analysis of {AudioId} by {Engine} failed with {Code}; using the local rules", file.Id, analyser.Engine, result.Error.Code);
            result = await local.AnalyseAsync(input, cancellationToken);
        }

        if (result.IsFailure)
        {
            return result.Error;
        }

        var analysis = new AnalysisVersion(
            file.Id, file.OwnerId, job.Id, transcript.Id, result.Value.Engine, result.Value.Language, PublishedAnalysis.From(result.Value).ToJson(), clock.GetUtcNow());
        db.Analyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        return analysis;
    }
}
