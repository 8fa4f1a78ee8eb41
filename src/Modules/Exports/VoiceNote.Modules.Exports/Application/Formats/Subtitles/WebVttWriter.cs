using System.Globalization;
using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats.Subtitles;

/// <summary>
/// WebVTT (.vtt) subtitles of the current transcript: the <c>WEBVTT</c> header, cues timed
/// <c>HH:MM:SS.mmm --> HH:MM:SS.mmm</c>, and <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> in the words written as character
/// references (cue text is markup; a bare "-->" would also end the cue's text). Cues come from the word timings
/// (<see cref="SubtitleCues"/>); a note without timings gets the header alone: a valid file with no cues.
/// </summary>
internal sealed class WebVttWriter : INoteWriter
{
    public ExportFormat Format => ExportFormat.Vtt;

    public async Task WriteAsync(NoteDocument note, Stream output, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var steps = new ProgressSteps(progress, note.Words.Count);
        steps.Start();
        await using var writer = Readable.Open(output);
        await writer.WriteAsync("WEBVTT\n".AsMemory(), cancellationToken);
        foreach (var cue in SubtitleCues.From(note.Words))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = $"\n{Time(cue.StartMs)} --> {Time(cue.EndMs)}\n{string.Join('\n', cue.Lines.Select(Escape))}\n";
            await writer.WriteAsync(block.AsMemory(), cancellationToken);
            steps.Advance(cue.Words);
        }

        await writer.FlushAsync(cancellationToken);
        steps.Complete();
    }

    private static string Escape(string line) => line.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Time(int ms)
    {
        var at = TimeSpan.FromMilliseconds(ms);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00}.{at.Milliseconds:000}");
    }
}
