using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Transcripts;

/// <summary>A transcript version's stored words as the contracts give them: on the recording's clock in whole milliseconds.</summary>
internal static class TimedWords
{
    public static IReadOnlyList<TimedTranscriptWord> Of(TranscriptVersion version) =>
        version.ReadWords().Select(w => new TimedTranscriptWord(w.Text, (int)Math.Round(w.Start * 1000), (int)Math.Round(w.End * 1000))).ToList();
}
