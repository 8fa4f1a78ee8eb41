namespace VoiceNote.Modules.AudioProcessing.Contracts;

/// <summary>
/// When each word of a recording's transcripts was said, for modules that point into the audio (search
/// returns the moment a passage starts). Read-only; another owner's recording reads as none.
/// </summary>
public interface IRecordingWordTimings
{
    /// <summary>The timed words of every transcript of the recording, newest version first; empty when there are none.</summary>
    Task<IReadOnlyList<TimedTranscript>> ForRecordingAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken);
}

/// <summary>One transcript's text and its words with start and end in milliseconds.</summary>
public sealed record TimedTranscript(string Text, IReadOnlyList<TimedTranscriptWord> Words);

public sealed record TimedTranscriptWord(string Text, int StartMs, int EndMs);
