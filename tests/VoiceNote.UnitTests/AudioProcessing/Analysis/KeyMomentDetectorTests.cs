using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Moments;
using VoiceNote.Modules.AudioProcessing.Analysis.Tasks;
using VoiceNote.Modules.AudioProcessing.Analysis.Text;
using VoiceNote.Modules.AudioProcessing.Analysis.Time;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

[TestFixture]
internal sealed class KeyMomentDetectorTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(1));
    private readonly TaskExtractor _extractor = new();
    private readonly TimeExpressionParser _parser = new();
    private readonly KeyMomentDetector _detector = new();

    [Test]
    public void Marks_where_each_task_was_said()
    {
        var words = Spoken(0.0, "call the dentist tomorrow at five pm and buy milk", 0.4);

        var moments = Detect("call the dentist tomorrow at five pm and buy milk", words);

        Assert.That(moments.Select(m => (m.Timestamp, m.Description)), Is.EqualTo(new[]
        {
            ("00:00:00", "Task: Call the dentist (tomorrow at five pm)"),
            ("00:00:03", "Task: Buy milk"),
        }));
        Assert.That(moments.Select(m => m.Confidence), Has.All.InRange(0.5, 1.0));
    }

    [Test]
    public void Marks_topics_after_long_silences()
    {
        var words = Spoken(0.0, "the budget review went fine", 0.5)
            .Concat(Spoken(65.0, "next the hiring plan for spring", 0.5))
            .ToList();

        var moments = Detect("the budget review went fine next the hiring plan for spring", words);

        Assert.That(moments.Select(m => (m.Timestamp, m.Description)), Is.EqualTo(new[]
        {
            ("00:00:00", "Opening: budget review fine"),
            ("00:01:05", "New topic: hiring plan spring"),
        }));
    }

    [Test]
    public void Marks_deadlines_mentioned_outside_tasks()
    {
        var words = Spoken(10.0, "the report is due on friday", 0.5);

        var moments = Detect("the report is due on friday", words);

        Assert.That(moments.Single().Description, Is.EqualTo("Deadline mentioned: due on friday"));
        Assert.That(moments.Single().Timestamp, Is.EqualTo("00:00:11"));
    }

    [Test]
    public void Ignores_recogniser_markers_and_weighs_word_confidence()
    {
        List<TimedWord> words =
        [
            new("<s>", 0, 0.1), new("<sil>", 0.1, 0.5), new("buy", 0.5, 0.8, 0.5), new("milk(2)", 0.8, 1.2, 0.5), new("</s>", 1.2, 1.3),
        ];

        var moments = Detect("buy milk", words);

        Assert.That(moments.Single().Description, Is.EqualTo("Task: Buy milk"));
        Assert.That(moments.Single().Confidence, Is.EqualTo(0.85 * 0.5).Within(0.01));
    }

    [Test]
    public void Without_word_timings_there_are_no_moments()
    {
        Assert.That(Detect("call the dentist tomorrow", []), Is.Empty);
    }

    [Test]
    public void Timestamps_read_hours_minutes_seconds()
    {
        Assert.That(new KeyMoment(TimeSpan.FromSeconds(3725.9), "x", 1).Timestamp, Is.EqualTo("01:02:05"));
        Assert.That(new KeyMoment(TimeSpan.FromSeconds(83), "x", 1).Timestamp, Is.EqualTo("00:01:23"));
    }

    private List<KeyMoment> Detect(string transcript, IReadOnlyList<TimedWord> words)
    {
        var text = TokenizedText.Of(transcript);
        var context = new TimeContext(Recorded, ZoneClock.Resolve("Europe/Berlin"));
        var tasks = _extractor.Extract(text, context);
        var deadlines = _parser.FindAll(text, 0, text.Count, context);
        return _detector.Detect(text, WordTimeline.Align(text, words), tasks, deadlines).ToList();
    }

    private static List<TimedWord> Spoken(double start, string sentence, double perWord) =>
        sentence.Split(' ').Select((w, i) => new TimedWord(w, start + (i * perWord), start + ((i + 1) * perWord) - 0.05, 1)).ToList();
}
