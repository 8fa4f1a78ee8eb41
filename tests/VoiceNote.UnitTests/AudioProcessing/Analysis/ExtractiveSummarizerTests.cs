using VoiceNote.Modules.AudioProcessing.Analysis.Summary;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

[TestFixture]
internal sealed class ExtractiveSummarizerTests
{
    private const string Meeting =
        "We met with the logistics team this morning. The new warehouse opens in March. "
        + "Shipping costs went up by ten percent last quarter, so the warehouse budget is tight. "
        + "Lunch was pizza again. Someone asked about the parking lot. "
        + "The warehouse manager wants a second forklift before the opening. "
        + "We agreed to review the warehouse budget next week.";

    private readonly ExtractiveSummarizer _summarizer = new();

    [TestCase("Remember to water the plants.", "Remember to water the plants.")]
    [TestCase("buy milk", "Buy milk.")]
    [TestCase("  so um call the bank  ", "Call the bank.")]
    [TestCase("", "")]
    public void A_short_note_is_its_own_summary(string note, string expected)
    {
        Assert.That(_summarizer.Summarize(note), Is.EqualTo(expected));
    }

    [Test]
    public void Picks_the_sentences_about_the_main_topic_within_the_budget()
    {
        var summary = _summarizer.Summarize(Meeting, new SummaryRequest { MaxCharacters = 200 });

        Assert.That(summary.Length, Is.LessThanOrEqualTo(200));
        Assert.That(summary, Does.Contain("warehouse"));
        Assert.That(summary, Does.Not.Contain("Lunch was pizza"));
        Assert.That(summary, Does.Not.Contain("parking"));
        Assert.That(SentencesOf(summary), Has.Count.InRange(1, 3));
        Assert.That(SentencesOf(summary), Is.SubsetOf(SentencesOf(Meeting)), "extractive: every sentence comes from the note");
    }

    [Test]
    public void Keeps_chosen_sentences_in_their_original_order()
    {
        var summary = _summarizer.Summarize(Meeting, new SummaryRequest { MaxCharacters = 300 });
        var positions = SentencesOf(summary).Select(s => Meeting.IndexOf(s, StringComparison.Ordinal)).ToList();

        Assert.That(positions, Is.Ordered);
    }

    [Test]
    public void The_owners_jargon_steers_the_choice()
    {
        const string note =
            "The team talked about the offsite for a while. The offsite venue is still open. "
            + "The kubernetes upgrade failed on staging. People want the offsite in spring.";

        var plain = _summarizer.Summarize(note, new SummaryRequest { MaxCharacters = 60, MaxUnits = 1 });
        var steered = _summarizer.Summarize(note, new SummaryRequest { MaxCharacters = 60, MaxUnits = 1, Jargon = ["Kubernetes", "staging"] });

        Assert.That(plain, Does.Contain("offsite"));
        Assert.That(steered, Is.EqualTo("The kubernetes upgrade failed on staging."));
    }

    [Test]
    public void The_owners_role_steers_the_choice()
    {
        const string note = "The coffee machine is broken again. We need to deploy the release after the review. My cousin visits on sunday.";

        var plain = _summarizer.Summarize(note, new SummaryRequest { MaxCharacters = 60, MaxUnits = 1 });
        var developer = _summarizer.Summarize(note, new SummaryRequest { MaxCharacters = 60, MaxUnits = 1, Role = "DEVELOPER" });

        Assert.That(plain, Is.EqualTo("The coffee machine is broken again."));
        Assert.That(developer, Is.EqualTo("We need to deploy the release after the review."));
    }

    [Test]
    public void Unpunctuated_speech_is_cut_into_pieces_and_summarised()
    {
        const string speech =
            "okay so this is about the product launch we have the venue booked for the twelfth and the caterer confirmed "
            + "but the product launch slides are not ready and the demo keeps crashing on the old laptops "
            + "also my sister called about the weekend and the dog needs a walk "
            + "then for the product launch we still need a speaker and a press release before the launch day";

        var summary = _summarizer.Summarize(speech);

        Assert.That(summary.Length, Is.InRange(1, ExtractiveSummarizer.DefaultMaxCharacters));
        Assert.That(summary, Does.Contain("launch"));
        Assert.That(summary, Does.EndWith("."));
        Assert.That(summary.Length, Is.LessThan(speech.Length));
    }

    [Test]
    public void A_single_overlong_sentence_is_cut_at_a_word()
    {
        var sentence = string.Join(" ", Enumerable.Repeat("the quarterly budget review needs everybody", 20));

        var summary = _summarizer.Summarize(sentence + " and more.", new SummaryRequest { MaxCharacters = 120 });

        Assert.That(summary.Length, Is.LessThanOrEqualTo(120));
        Assert.That(summary, Does.EndWith("…"));
        Assert.That(summary, Does.StartWith("The quarterly budget"));
    }

    private static List<string> SentencesOf(string text) =>
        text.Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(s => s.TrimEnd('.')).ToList();
}
