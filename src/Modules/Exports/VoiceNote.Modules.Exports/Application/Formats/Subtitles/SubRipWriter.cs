using System.Globalization;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Subtitles;

/// <summary>
/// SubRip (.srt) subtitles of the current transcript: numbered cues from 1, <c>HH:MM:SS,mmm --> HH:MM:SS,mmm</c>,
/// a blank line after each, UTF-8 without a byte order mark. Cues come from the word timings (<see cref="SubtitleCues"/>);
/// a note without timings has nothing to time a cue by, so its file is empty: valid, with no cues, rather than
/// cues with invented times.
/// </summary>
internal sealed class SubRipWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.Srt;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var steps = new ProgressSteps(progress, note.Words.Count);
        steps.Start();
        await using var writer = Readable.Open(output);
        var index = 0;
        foreach (var cue in SubtitleCues.From(note.Words))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = $"{++index}\n{Time(cue.StartMs)} --> {Time(cue.EndMs)}\n{string.Join('\n', cue.Lines)}\n\n";
            await writer.WriteAsync(block.AsMemory(), cancellationToken);
            steps.Advance(cue.Words);
        }

        await writer.FlushAsync(cancellationToken);
        steps.Complete();
    }

    private static string Time(int ms)
    {
        var at = TimeSpan.FromMilliseconds(ms);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00},{at.Milliseconds:000}");
    }
}
