using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.Search.Passages;

namespace VoiceNote.UnitTests.Notes;

/// <summary>How a note is cut into passages (docs/decisions/0072).</summary>
public sealed class PassageSplitterTests
{
    [Test]
    public void A_short_note_is_one_passage_with_everything()
    {
        var passages = PassageSplitter.Split("Dentist", "Move the filling", "call them in the morning", []);
        Assert.That(passages, Has.Count.EqualTo(1));
        Assert.That(passages[0].Text, Is.EqualTo("Dentist\nMove the filling\ncall them in the morning"));
        Assert.That(passages[0].StartMs, Is.Null);
    }

    [Test]
    public void A_long_transcript_is_cut_into_overlapping_windows_that_cover_every_word()
    {
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();
        var passages = PassageSplitter.Split("Meeting", null, string.Join(' ', words), []);
        var windows = passages.Skip(1).Select(p => p.Text.Split(' ')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(passages[0].Text, Is.EqualTo("Meeting"));
            Assert.That(windows.All(w => w.Length <= PassageSplitter.WindowWords), Is.True);
            Assert.That(windows.SelectMany(w => w).Distinct(), Is.EquivalentTo(words), "every word is in a passage");
            Assert.That(windows[1][..PassageSplitter.OverlapWords], Is.EqualTo(windows[0][^PassageSplitter.OverlapWords..]), "neighbours overlap");
            Assert.That(passages.Select(p => p.Ordinal), Is.EqualTo(Enumerable.Range(0, passages.Count)));
        });
    }

    [Test]
    public void Timed_words_give_each_window_the_start_of_its_first_word_and_the_end_of_its_last()
    {
        var words = Enumerable.Range(0, 200).Select(i => $"w{i}").ToArray();
        var text = string.Join(' ', words);
        var timed = new TimedTranscript(text, words.Select((w, i) => new TimedTranscriptWord(w, i * 400, (i * 400) + 350)).ToList());
        var passages = PassageSplitter.Split(null, null, text, [timed]);
        Assert.Multiple(() =>
        {
            Assert.That(passages[0].StartMs, Is.EqualTo(0));
            Assert.That(passages[0].EndMs, Is.EqualTo((79 * 400) + 350));
            Assert.That(passages[1].StartMs, Is.EqualTo(60 * 400));
        });
    }

    [Test]
    public void Timings_of_other_words_than_the_transcripts_are_not_used()
    {
        var text = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"w{i}"));
        var edited = new TimedTranscript("fewer words", [new("fewer", 0, 100), new("words", 100, 200)]);
        Assert.That(PassageSplitter.Split(null, null, text, [edited]).All(p => p.StartMs is null), Is.True);
    }
}
