using VoiceNote.Text;

namespace VoiceNote.UnitTests.Text;

/// <summary>The one stemmer both the local embedding and the analysis use (docs/decisions/0051).</summary>
[TestFixture]
internal sealed class StemmerTests
{
    [TestCase("meetings", "meet")]
    [TestCase("meeting", "meet")]
    [TestCase("called", "call")]
    [TestCase("planning", "plan")]
    [TestCase("deliveries", "delivery")]
    [TestCase("client's", "client")]
    [TestCase("it's", "it")]
    [TestCase("don't", "don't")]
    [TestCase("q3", "q3")]
    [TestCase("go", "go")]
    public void Brings_the_forms_of_a_word_together(string word, string stem) =>
        Assert.That(Stemmer.Stem(word), Is.EqualTo(stem));

    [Test]
    public void A_possessive_is_the_word_itself() =>
        Assert.That(Stemmer.Stem("manager's"), Is.EqualTo(Stemmer.Stem("manager")));
}
