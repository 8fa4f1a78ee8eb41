using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// The analysis entry point: a note's text in (<see cref="AnalysisInput"/>, from speech or typed), its
/// summary, tasks with deadlines, key moments and sentiment out. <see cref="LocalAnalyser"/> is the
/// offline default; a language-model adapter implements the same port and falls back to it.
/// </summary>
internal interface ITextAnalyser
{
    /// <summary>Kept with each analysis version, so a note's analyses can be told apart by engine.</summary>
    string Engine { get; }

    /// <summary>The analysis, or an engine's error (a remote engine's transient ones are retried by the job).</summary>
    Task<Result<AnalysisResult>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken = default);
}
