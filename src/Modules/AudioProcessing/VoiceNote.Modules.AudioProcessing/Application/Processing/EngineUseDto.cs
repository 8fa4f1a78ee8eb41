using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing;

/// <summary>
/// The owner's remote engine a stage was meant for, when an AUTO run gave way to the offline engine, and why
/// (docs/decisions/0065). <see cref="From"/> is a transcription engine in UPPER_SNAKE (<c>OPENAI_COMPATIBLE</c>)
/// or an analysis engine as <c>analysisEngine</c> names it (<c>openai-chat:gpt-4o-mini</c>).
/// </summary>
internal sealed record EngineFallbackDto(string From, EngineFallbackReason Reason)
{
    public static EngineFallbackDto? Of(string? from, EngineFallbackReason? reason) =>
        from is not null && reason is { } why ? new EngineFallbackDto(from, why) : null;
}

/// <summary>The engine that actually did a stage of the run (null fallback: the one the run chose).</summary>
internal sealed record EngineUseDto(string Engine, EngineFallbackDto? Fallback);
