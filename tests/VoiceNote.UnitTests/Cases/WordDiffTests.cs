using VoiceNote.Modules.Cases.Application.Recordings;

namespace VoiceNote.UnitTests.Cases;

/// <summary>The word diff between two transcript versions (ADR 0079): runs of equal, removed and added words.</summary>
public sealed class WordDiffTests
{
    private static string Show(WordDiffResult diff) =>
        string.Join(" | ", diff.Runs.Select(r => $"{r.Change.ToString()[0]}:{r.Text}"));

    [Test]
    public void A_changed_word_in_the_middle_is_removed_and_added_between_equal_runs()
    {
        var diff = WordDiff.Compare("call the dentist tomorrow at five", "call the doctor tomorrow at five");
        Assert.That(Show(diff), Is.EqualTo("E:call the | R:dentist | A:doctor | E:tomorrow at five"));
        Assert.That(diff.Exact, Is.True);
    }

    [Test]
    public void Words_added_at_the_end_and_removed_at_the_start_are_runs_of_their_own()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Show(WordDiff.Compare("buy milk", "buy milk and bread")), Is.EqualTo("E:buy milk | A:and bread"));
            Assert.That(Show(WordDiff.Compare("please buy milk", "buy milk")), Is.EqualTo("R:please | E:buy milk"));
        });
    }

    [Test]
    public void Case_and_surrounding_punctuation_do_not_count_as_changes_and_the_newer_spelling_is_shown()
    {
        var diff = WordDiff.Compare("call the dentist tomorrow", "Call the dentist, tomorrow.");
        Assert.That(Show(diff), Is.EqualTo("E:Call the dentist, tomorrow."));
    }

    [Test]
    public void The_edit_script_is_a_shortest_one_and_rebuilds_both_texts()
    {
        const string from = "a b c a b b a";
        const string to = "c b a b a c";
        var diff = WordDiff.Compare(from, to);
        var edits = diff.Runs.Where(r => r.Change != WordChange.Equal).Sum(r => r.Text.Split(' ').Length);
        var older = string.Join(' ', diff.Runs.Where(r => r.Change != WordChange.Added).Select(r => r.Text));
        var newer = string.Join(' ', diff.Runs.Where(r => r.Change != WordChange.Removed).Select(r => r.Text));
        Assert.Multiple(() =>
        {
            Assert.That(edits, Is.EqualTo(5), "Myers' paper: these two need five edits");
            Assert.That(older, Is.EqualTo(from));
            Assert.That(newer, Is.EqualTo(to));
        });
    }

    [Test]
    public void Empty_texts_diff_to_all_added_all_removed_or_nothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Show(WordDiff.Compare(string.Empty, "hello there")), Is.EqualTo("A:hello there"));
            Assert.That(Show(WordDiff.Compare("hello there", "  ")), Is.EqualTo("R:hello there"));
            Assert.That(WordDiff.Compare(string.Empty, string.Empty).Runs, Is.Empty);
        });
    }

    [Test]
    public void Texts_too_different_for_the_edit_limit_are_shown_whole_and_marked_not_exact()
    {
        var diff = WordDiff.Compare("same one two three four end", "same five six seven eight end", maxEdits: 3);
        Assert.Multiple(() =>
        {
            Assert.That(diff.Exact, Is.False);
            Assert.That(Show(diff), Is.EqualTo("E:same | R:one two three four | A:five six seven eight | E:end"));
        });
    }
}
