using VoiceNote.Text;

namespace VoiceNote.UnitTests.Text;

/// <summary>One stop-word list in two widths (docs/decisions/0051).</summary>
[TestFixture]
internal sealed class StopWordsTests
{
    [Test]
    public void The_conversational_list_holds_every_function_word() =>
        Assert.That(StopWords.Function.IsSubsetOf(StopWords.Conversational), Is.True);

    [TestCase("the")]
    [TestCase("remind")]
    [TestCase("don")]
    [TestCase("t")]
    public void Function_words_say_nothing_of_any_topic(string word) =>
        Assert.That(StopWords.Function, Does.Contain(word));

    [TestCase("tomorrow", Description = "the embedding matches it to the time concept")]
    [TestCase("um")]
    [TestCase("don't")]
    public void Conversational_words_are_dropped_by_the_analysis_only(string word) =>
        Assert.Multiple(() =>
        {
            Assert.That(StopWords.Conversational, Does.Contain(word));
            Assert.That(StopWords.Function, Does.Not.Contain(word));
        });

    [Test]
    public void Every_entry_is_lower_case_and_trimmed() =>
        Assert.That(StopWords.Conversational, Has.All.Matches<string>(w => w == w.Trim().ToLowerInvariant() && w.Length > 0));
}
