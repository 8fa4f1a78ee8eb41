using System.Text.Json.Nodes;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis.Chat;

[TestFixture]
internal sealed class ChatAnswerParserTests
{
    private const string Engine = "openai-chat:test";
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);
    private readonly ChatAnswerParser _parser = new();

    private static AnalysisInput Input => new()
    {
        Text = "call the dentist tomorrow at five pm and buy milk",
        Words = [new("call", 0.1, 0.4), new("the", 0.4, 0.5), new("dentist", 0.5, 1.0), new("tomorrow", 1.0, 1.5), new("buy", 2.8, 3.0), new("milk", 3.0, 3.4)],
        CreatedAt = Recorded,
        Language = "en-GB",
        Owner = new() { TimeZone = "Europe/Berlin" },
    };

    [Test]
    public void A_good_answer_becomes_the_analysis()
    {
        var result = _parser.Parse(Good().ToJsonString(), Input, Engine);

        Assert.That(result.IsSuccess, Is.True, result.IsFailure ? result.Error.Message : null);
        var analysis = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(analysis.Title, Is.EqualTo("Dentist and milk"));
            Assert.That(analysis.Summary, Is.EqualTo("Call the dentist tomorrow at 5 pm; buy milk."));
            Assert.That(analysis.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Call the dentist", "Buy milk" }));
            Assert.That(analysis.Tasks[0].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(analysis.Tasks[0].Deadline!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(1)), "the offset the model gave is kept");
            Assert.That(analysis.Tasks[0].Priority, Is.EqualTo(TaskPriority.High));
            Assert.That(analysis.Tasks[0].Channel, Is.EqualTo(CommunicationType.Call));
            Assert.That(analysis.Tasks[0].Assignees, Is.EqualTo(new[] { new AssignedEntity("Dr. Weber", "+49 30 1234567", CommunicationType.Call) }));
            Assert.That(analysis.Tasks[0].SourceStart, Is.Zero, "found in the transcript");
            Assert.That(analysis.Tasks[0].SourceLength, Is.EqualTo("Call the dentist".Length));
            Assert.That(analysis.Tasks[1].Deadline, Is.Null);
            Assert.That(analysis.Tasks[1].Priority, Is.EqualTo(TaskPriority.Low));
            Assert.That(analysis.Tasks[1].Channel, Is.Null);
            Assert.That(analysis.Tasks[1].Assignees, Is.Empty);
            Assert.That(analysis.Tasks.Select(t => t.Confidence), Is.All.EqualTo(ChatAnswerParser.TaskConfidence));
            Assert.That(analysis.KeyMoments.Select(m => (m.Timestamp, m.Description, m.Confidence)), Is.EqualTo(new[] { ("00:00:00", "Dentist call", 0.9), ("00:00:02", "Milk", 0.6) }));
            Assert.That(analysis.Sentiment, Is.EqualTo(new SentimentResult(SentimentLabel.Neutral, 0.1)));
            Assert.That(analysis.Engine, Is.EqualTo(Engine));
            Assert.That(analysis.Language, Is.EqualTo("en-GB"));
        });
    }

    [TestCase("2026-11-21T17:00:00+01:00", "2026-11-21T17:00:00+01:00", TestName = "with an offset: as given")]
    [TestCase("2026-11-21T16:00:00Z", "2026-11-21T16:00:00+00:00", TestName = "in UTC: as given")]
    [TestCase("2026-11-21T17:00:00.000+01:00", "2026-11-21T17:00:00+01:00", TestName = "with fractions")]
    [TestCase("2026-11-21T17:00:00", "2026-11-21T17:00:00+01:00", TestName = "local without an offset: in the owner's zone")]
    [TestCase("2026-07-21T17:00", "2026-07-21T17:00:00+02:00", TestName = "local in summer: summer offset")]
    [TestCase("2026-11-23", "2026-11-23T17:00:00+01:00", TestName = "a date alone: work end")]
    [TestCase("tomorrow at five", null, TestName = "words: none")]
    [TestCase("2026-13-45T17:00:00+01:00", null, TestName = "an impossible date: none")]
    [TestCase("", null, TestName = "empty: none")]
    public void Deadlines_are_read_or_dropped(string deadline, string? expected)
    {
        var answer = Good();
        answer["tasks"]![0]!["deadline"] = deadline;

        var task = _parser.Parse(answer.ToJsonString(), Input, Engine).Value.Tasks[0];

        Assert.That(task.Deadline, Is.EqualTo(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Out_of_range_and_unknown_values_are_clamped_or_defaulted()
    {
        var answer = Good();
        answer["tasks"] = new JsonArray(
            Task("  ", "high"),
            Task("Book a room", "URGENT", "meeting"),
            Task("Ping Sam", "someday", "carrier pigeon", new JsonArray(new JsonObject { ["name"] = " ", ["contact"] = null, ["channel"] = null }, new JsonObject { ["name"] = "Sam", ["contact"] = "", ["channel"] = "telepathy" })));
        answer["key_moments"] = new JsonArray(
            Moment(-5, "Before the start", 1.7),
            Moment(999, "After the end", -0.2),
            Moment(1.2, "   ", 0.9));
        answer["sentiment"] = new JsonObject { ["label"] = "mixed", ["score"] = -9 };

        var analysis = _parser.Parse(answer.ToJsonString(), Input, Engine).Value;

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Book a room", "Ping Sam" }), "an empty description is no task");
            Assert.That(analysis.Tasks.Select(t => t.Priority), Is.EqualTo(new[] { TaskPriority.High, TaskPriority.Medium }));
            Assert.That(analysis.Tasks.Select(t => t.Channel), Is.EqualTo(new CommunicationType?[] { CommunicationType.Meet, null }));
            Assert.That(analysis.Tasks[1].Assignees, Is.EqualTo(new[] { new AssignedEntity("Sam") }), "nameless assignees dropped; empty contact and unknown channel are none");
            Assert.That(analysis.Tasks[1].SourceLength, Is.Zero, "not found in the transcript");
            Assert.That(analysis.KeyMoments.Select(m => (m.At, m.Confidence)), Is.EqualTo(new[] { (TimeSpan.Zero, 1.0), (TimeSpan.FromSeconds(3), 0.0) }), "clamped to the recording and to 0…1");
            Assert.That(analysis.Sentiment, Is.EqualTo(new SentimentResult(SentimentLabel.Neutral, -1)), "mixed is neutral here; the score is clamped");
        });
    }

    [Test]
    public void An_unknown_sentiment_label_follows_the_score()
    {
        var answer = Good();
        answer["sentiment"] = new JsonObject { ["label"] = "ecstatic", ["score"] = 0.7 };
        Assert.That(_parser.Parse(answer.ToJsonString(), Input, Engine).Value.Sentiment, Is.EqualTo(new SentimentResult(SentimentLabel.Positive, 0.7)));
    }

    [Test]
    public void A_partial_answer_keeps_what_is_there()
    {
        var answer = new JsonObject { ["summary"] = "Buy milk.", ["tasks"] = new JsonArray(new JsonObject { ["description"] = "Buy milk" }) };

        var analysis = _parser.Parse(answer.ToJsonString(), Input, Engine).Value;

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Title, Is.Null);
            Assert.That(analysis.Tasks, Has.Count.EqualTo(1));
            Assert.That(analysis.Tasks[0].Priority, Is.EqualTo(TaskPriority.Medium));
            Assert.That(analysis.Tasks[0].Deadline, Is.Null);
            Assert.That(analysis.KeyMoments, Is.Empty);
            Assert.That(analysis.Sentiment, Is.EqualTo(SentimentResult.Neutral));
        });
    }

    [Test]
    public void Without_word_timings_key_moments_are_dropped_because_the_model_could_only_invent_them()
    {
        var analysis = _parser.Parse(Good().ToJsonString(), Input with { Words = null }, Engine).Value;
        Assert.That(analysis.KeyMoments, Is.Empty);
    }

    [Test]
    public void At_most_twelve_moments_are_kept_the_most_confident_in_time_order()
    {
        var answer = Good();
        answer["key_moments"] = new JsonArray([.. Enumerable.Range(0, 20).Select(i => (JsonNode)Moment(i * 0.1, $"m{i}", i / 20.0))]);

        var moments = _parser.Parse(answer.ToJsonString(), Input, Engine).Value.KeyMoments;

        Assert.That(moments.Select(m => m.Description), Is.EqualTo(Enumerable.Range(8, 12).Select(i => $"m{i}")));
    }

    [Test]
    public void A_long_summary_is_cut_at_a_word()
    {
        var answer = Good();
        answer["summary"] = string.Join(" ", Enumerable.Repeat("milk", 200));

        var summary = _parser.Parse(answer.ToJsonString(), Input with { SummaryMaxCharacters = 50 }, Engine).Value.Summary;

        Assert.That(summary, Has.Length.LessThanOrEqualTo(50).And.EndWith("milk…"));
    }

    [TestCase("not json at all", TestName = "not JSON")]
    [TestCase("[1, 2]", TestName = "a list instead of an object")]
    [TestCase("""{"tasks": []}""", TestName = "no summary")]
    [TestCase("""{"summary": "x"}""", TestName = "no tasks")]
    [TestCase("""{"summary": 42, "tasks": []}""", TestName = "a number as summary")]
    [TestCase("""{"summary": "x", "tasks": "buy milk"}""", TestName = "tasks as text")]
    [TestCase("""{"summary": "x", "tasks": [7]}""", TestName = "a task that is a number")]
    [TestCase("""{"summary": "x", "tasks": [{"description": 3}]}""", TestName = "a description that is a number")]
    [TestCase("""{"summary": "x", "tasks": [{"description": "a", "assignees": {"name": "Sam"}}]}""", TestName = "assignees as an object")]
    [TestCase("""{"summary": "x", "tasks": [], "sentiment": {"label": "positive", "score": "high"}}""", TestName = "a score that is text")]
    [TestCase("""{"summary": "x", "tasks": [], "key_moments": [{"description": "no time"}]}""", TestName = "a moment without a time")]
    [TestCase("""{"summary": "x", "tasks": [], "sentiment": "positive"}""", TestName = "sentiment as text")]
    [TestCase("""{"summary": "x", "tasks": [{"description": "a"}""", TestName = "cut off mid-answer")]
    public void A_structurally_wrong_answer_is_a_bad_answer(string content)
    {
        var result = _parser.Parse(content, Input, Engine);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsFailure, Is.True);
            Assert.That(result.Error.Code, Is.EqualTo(EngineFailures.BadAnswerCode));
            Assert.That(result.Error.Message, Does.Contain(Engine));
            Assert.That(EngineFailures.IsTransient(result.Error), Is.False);
        });
    }

    private static JsonObject Good() => new()
    {
        ["title"] = "Dentist and milk",
        ["summary"] = "Call the dentist tomorrow at 5 pm; buy milk.",
        ["tasks"] = new JsonArray(
            new JsonObject
            {
                ["description"] = "Call the dentist",
                ["deadline"] = "2026-11-21T17:00:00+01:00",
                ["priority"] = "high",
                ["communication_type"] = "call",
                ["assignees"] = new JsonArray(new JsonObject { ["name"] = "Dr. Weber", ["contact"] = "+49 30 1234567", ["channel"] = "call" }),
            },
            Task("Buy milk", "low")),
        ["key_moments"] = new JsonArray(Moment(2.9, "Milk", 0.6), Moment(0.1, "Dentist call", 0.9)),
        ["sentiment"] = new JsonObject { ["label"] = "neutral", ["score"] = 0.1 },
    };

    private static JsonObject Task(string description, string priority, string? channel = null, JsonArray? assignees = null) => new()
    {
        ["description"] = description,
        ["deadline"] = null,
        ["priority"] = priority,
        ["communication_type"] = channel,
        ["assignees"] = assignees ?? [],
    };

    private static JsonObject Moment(double at, string description, double confidence) =>
        new() { ["at_seconds"] = at, ["description"] = description, ["confidence"] = confidence };
}
