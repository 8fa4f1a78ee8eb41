using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>
/// The "analyse" stage's port: a transcript in, a summary, tasks, key moments and sentiment out.
/// <see cref="LocalAnalyzer"/> is the offline default; a language-model adapter can implement the same
/// port and fall back to it.
/// </summary>
internal interface ITranscriptAnalyzer
{
    /// <summary>Recorded with each analysis version (seed 001 keeps analyses versioned by engine).</summary>
    string Engine { get; }

    /// <summary>The analysis, or an engine error (see <c>EngineFailures</c>: transient ones are retried).</summary>
    Task<Result<AnalysisResult>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken = default);
}
