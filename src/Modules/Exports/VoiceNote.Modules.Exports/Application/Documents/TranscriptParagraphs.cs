using System.Text;

namespace VoiceNote.Modules.Exports.Application.Documents;

/// <summary>A stretch of the transcript printed as one paragraph, with the time it starts (null when there are no timings).</summary>
internal sealed record TranscriptParagraph(TimeSpan? Start, string Text);

/// <summary>
/// Cuts a transcript into readable paragraphs for every document format, the same way in each. With word timings a
/// paragraph ends at a long pause, or at a sentence's end once it is long enough, or (when a speaker never stops) at
/// a hard length; without them, at blank lines and every few sentences.
/// </summary>
internal static class TranscriptParagraphs
{
    /// <summary>A pause this long starts a new paragraph: the speaker moved on.</summary>
    private const int PauseMs = 2_000;

    /// <summary>After this many words a sentence's end closes the paragraph.</summary>
    private const int SentenceBreakAfterWords = 60;

    /// <summary>No paragraph is longer than this; speech without a full stop is still broken up.</summary>
    private const int MaxWords = 150;

    private const int SentencesPerUntimedParagraph = 5;

    public static IEnumerable<TranscriptParagraph> Of(NoteDocument note) =>
        note.Words.Count > 0 ? FromWords(note.Words) : FromText(note.Transcript ?? string.Empty);

    public static IEnumerable<TranscriptParagraph> FromWords(IReadOnlyList<TimedWord> words)
    {
        var text = new StringBuilder();
        var count = 0;
        var start = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (count > 0 && word.StartMs - words[i - 1].EndMs >= PauseMs)
            {
                yield return new TranscriptParagraph(TimeSpan.FromMilliseconds(start), text.ToString());
                text.Clear();
                count = 0;
            }

            if (count == 0)
            {
                start = word.StartMs;
            }
            else
            {
                text.Append(' ');
            }

            text.Append(word.Text);
            count++;
            if (count >= MaxWords || (count >= SentenceBreakAfterWords && EndsSentence(word.Text)))
            {
                yield return new TranscriptParagraph(TimeSpan.FromMilliseconds(start), text.ToString());
                text.Clear();
                count = 0;
            }
        }

        if (count > 0)
        {
            yield return new TranscriptParagraph(TimeSpan.FromMilliseconds(start), text.ToString());
        }
    }

    public static IEnumerable<TranscriptParagraph> FromText(string transcript)
    {
        foreach (var block in transcript.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var paragraph = new StringBuilder();
            var sentences = 0;
            foreach (var word in block.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (paragraph.Length > 0)
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(word);
                if (EndsSentence(word) && ++sentences == SentencesPerUntimedParagraph)
                {
                    yield return new TranscriptParagraph(null, paragraph.ToString());
                    paragraph.Clear();
                    sentences = 0;
                }
            }

            if (paragraph.Length > 0)
            {
                yield return new TranscriptParagraph(null, paragraph.ToString());
            }
        }
    }

    /// <summary>Full stops of Latin, CJK and Devanagari writing, and question and exclamation marks.</summary>
    private static bool EndsSentence(string word) =>
        word.Length > 0 && word[^1] is '.' or '?' or '!' or '。' or '？' or '！' or '।' or '…';

    /// <summary>A timestamp as documents print it: h:mm:ss past an hour, m:ss before.</summary>
    public static string Stamp(TimeSpan at) =>
        at.TotalHours >= 1 ? $"{(int)at.TotalHours}:{at.Minutes:00}:{at.Seconds:00}" : $"{at.Minutes}:{at.Seconds:00}";
}
