using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Jobs;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Telemetry;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

/// <summary>An analysis, and the owner's language model it was meant for when the local rules stood in, and why.</summary>
internal sealed record Analysed(AnalysisResult Result, (string From, EngineFallbackReason Reason)? Fallback);

/// <summary>
/// Analyses a transcript version in the owner's context (time zone, work hours, role, prompt, jargon)
/// and saves the analysis version, once per job. On an AUTO run a language model that fails for good (a
/// rejected key, a malformed answer, a refused address), or is still down on the job's last attempt, gives
/// way to the local rules, so the owner still gets tasks, and the version records it; a transient failure
/// before the last attempt is left to the job's retry. An engine chosen explicitly is used or the run fails
/// (LOCAL never spends a stored key; docs/decisions/0065).
/// </summary>
internal sealed class AnalyseStage(
    AudioProcessingDbContext db, IIdentityModule identity, ITextAnalysers analysers, LocalAnalyser local, TimeProvider clock, VoiceNoteMetrics metrics, ILogger<AnalyseStage> logger)
{
    public static readonly Error OwnerGone = Error.Failure("audio.owner_gone", "The recording's owner no longer exists.");

    public async Task<Result<AnalysisVersion>> RunAsync(
        JobContext job, AudioFile file, TranscriptVersion transcript, ProcessRecordingPayload run, CancellationToken cancellationToken)
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

        // The owner's context, the starter's keys (docs/decisions/0079).
        var analysed = await AnalyseAsync(run.KeysOf, input, run.Engine, lastAttempt: !job.CanRetry, file.Id, cancellationToken);
        if (analysed.IsFailure)
        {
            return analysed.Error;
        }

        var (result, fallback) = analysed.Value;
        var analysis = new AnalysisVersion(
            file.Id, file.OwnerId, job.Id, transcript.Id, result.Engine, result.Language, PublishedAnalysis.From(result).ToJson(), clock.GetUtcNow());
        if (fallback is { } used)
        {
            analysis.RecordFallback(used.From, used.Reason);
        }

        analysis.StartedBy = run.StartedBy;
        db.Analyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        return analysis;
    }

    /// <summary>
    /// The analysis itself, for a recording's transcript or a note's text alike (docs/decisions/0075): the engine
    /// <paramref name="choice"/> picks, and on AUTO the local rules when the owner's language model fails for good.
    /// </summary>
    /// <param name="owner">Whose stored keys pick the analyser: the owner, or who started the run.</param>
    /// <param name="subject">The recording or note, for the log.</param>
    public async Task<Result<Analysed>> AnalyseAsync(
        UserId owner, AnalysisInput input, SpeechEngineChoice choice, bool lastAttempt, Guid subject, CancellationToken cancellationToken)
    {
        var chosen = await analysers.ForRunAsync(owner, choice, cancellationToken);
        if (chosen.IsFailure)
        {
            return chosen.Error;
        }

        var analyser = chosen.Value.Analyser;
        var result = await TimedAsync(analyser, input, cancellationToken);
        if (result.IsFailure && !chosen.Value.Explicit && analyser is not LocalAnalyser
            && EngineFallbacks.AnalysisFallsBack(result.Error, lastAttempt))
        {
            logger.LogWarning("Analysis of {Subject} by {Engine} failed with {Code}; using the local rules", subject, analyser.Engine, result.Error.Code);
            var fallback = (analyser.Engine, EngineFallbacks.ReasonOf(result.Error));
            result = await TimedAsync(local, input, cancellationToken);
            return result.IsFailure ? result.Error : new Analysed(result.Value, fallback);
        }

        return result.IsFailure ? result.Error : new Analysed(result.Value, null);
    }

    private async Task<Result<AnalysisResult>> TimedAsync(ITextAnalyser analyser, AnalysisInput input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await analyser.AnalyseAsync(input, cancellationToken);
        metrics.RecordEngineCall(
            "analysis", analyser.Engine, remote: analyser is not LocalAnalyser, Stopwatch.GetElapsedTime(started), result.IsFailure ? result.Error.Code : null);
        return result;
    }
}
