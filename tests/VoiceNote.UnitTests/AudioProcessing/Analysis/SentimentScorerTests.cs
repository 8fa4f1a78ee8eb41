using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Sentiment;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

[TestFixture]
internal sealed class SentimentScorerTests
{
    private readonly SentimentScorer _scorer = new();

    [TestCase("the demo went great and everyone was happy", SentimentLabel.Positive)]
    [TestCase("thanks so much this was really helpful", SentimentLabel.Positive)]
    [TestCase("the server crashed again and i am really frustrated", SentimentLabel.Negative)]
    [TestCase("the meeting was not good", SentimentLabel.Negative)]
    [TestCase("honestly not bad at all", SentimentLabel.Positive)]
    [TestCase("no problem", SentimentLabel.Positive)]
    [TestCase("the demo was good but the server crashed", SentimentLabel.Negative)]
    [TestCase("the server crashed but the fix worked great", SentimentLabel.Positive)]
    [TestCase("call the dentist tomorrow at five pm and buy milk", SentimentLabel.Neutral)]
    [TestCase("this is urgent send the report by friday", SentimentLabel.Neutral)]
    [TestCase("i was like going to the shop", SentimentLabel.Neutral)]
    [TestCase("", SentimentLabel.Neutral)]
    public void Labels_the_tone(string text, SentimentLabel expected)
    {
        var result = _scorer.Score(text);

        Assert.That(result.Label, Is.EqualTo(expected), $"score {result.Score}");
        Assert.That(result.Score, Is.InRange(-1.0, 1.0));
    }

    [Test]
    public void Intensifiers_strengthen_and_negation_weakens()
    {
        var good = _scorer.Score("it was good").Score;
        var veryGood = _scorer.Score("it was very good").Score;
        var notGood = _scorer.Score("it was not good").Score;

        Assert.That(veryGood, Is.GreaterThan(good));
        Assert.That(notGood, Is.LessThan(0));
        Assert.That(Math.Abs(notGood), Is.LessThan(good), "a negated word counts less than the word itself");
    }

    [Test]
    public void Neutral_text_scores_zero()
    {
        Assert.That(_scorer.Score("pick up the dry cleaning on monday"), Is.EqualTo(SentimentResult.Neutral));
    }
}
