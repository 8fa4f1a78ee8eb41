using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.Modules.Exports.Application.Formats;

/// <summary>
/// A writer's progress through the transcript as whole percents, each reported once: a two-hour transcript reports
/// about a hundred times, not once a word. 100 comes only from <see cref="Complete"/>, when the file is written.
/// Shared by every non-PDF writer (it lives here because the writers' common folder belongs to the module's core).
/// </summary>
internal sealed class ProgressSteps(IProgress<int> progress, long total)
{
    private long _done;
    private int _reported = -1;

    /// <summary>Progress measured in characters of the transcript, the share of the work that grows with the recording.</summary>
    public static ProgressSteps OverTranscript(NoteDocument note, IProgress<int> progress) =>
        new(progress, note.Words.Count > 0 ? note.Words.Sum(w => (long)w.Text.Length + 1) : note.Transcript?.Length ?? 0);

    public void Start() => Report(0);

    /// <summary>A paragraph of the transcript is written: its text and the space that joined it to the next.</summary>
    public void Written(TranscriptParagraph paragraph) => Advance(paragraph.Text.Length + 1);

    public void Advance(long units)
    {
        _done += units;
        if (total > 0)
        {
            Report((int)Math.Min(99, _done * 100 / total));
        }
    }

    public void Complete() => Report(100);

    private void Report(int percent)
    {
        if (percent > _reported)
        {
            _reported = percent;
            progress.Report(percent);
        }
    }
}
