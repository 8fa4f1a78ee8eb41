using VoiceNote.Modules.AudioProcessing.Analysis;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

[TestFixture]
internal sealed class LocalAnalyserTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(1));
    private readonly ITextAnalyser _analyser = new LocalAnalyser();

    [Test]
    public async Task Analyses_the_key_example_end_to_end()
    {
        const string transcript = "call the dentist tomorrow at five pm and buy milk";

        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = transcript,
            Words = Spoken(transcript, 0.4),
            CreatedAt = Recorded,
            Owner = new() { TimeZone = "Europe/Berlin" },
        })).Value;

        Assert.Multiple(() =>
        {
            Assert.That(result.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Call the dentist", "Buy milk" }));
            Assert.That(result.Tasks[0].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(result.Tasks[0].Channel, Is.EqualTo(CommunicationType.Call));
            Assert.That(result.Tasks[1].Deadline, Is.Null);
            Assert.That(result.Summary, Is.EqualTo("Call the dentist tomorrow at five pm and buy milk."));
            Assert.That(result.KeyMoments.Select(m => m.Timestamp), Is.EqualTo(new[] { "00:00:00", "00:00:03" }));
            Assert.That(result.Sentiment.Label, Is.EqualTo(SentimentLabel.Neutral));
            Assert.That(result.Engine, Is.EqualTo(LocalAnalyser.EngineName));
            Assert.That(result.Language, Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task Understands_what_the_offline_recogniser_really_produced()
    {
        // pocketsphinx_continuous -time yes on flite's "call the dentist tomorrow at five pm and buy milk":
        // sentence markers, an alternative pronunciation "and(2)", and uneven confidences.
        List<TimedWord> words =
        [
            new("<s>", 0.000, 0.100, 1.0), new("call", 0.110, 0.390, 0.499), new("the", 0.400, 0.460, 0.499),
            new("dentist", 0.470, 1.020, 0.836), new("tomorrow", 1.030, 1.510, 0.570), new("at", 1.520, 1.740, 0.365),
            new("five", 1.750, 2.080, 0.989), new("pm", 2.090, 2.550, 0.999), new("and(2)", 2.560, 2.830, 0.595),
            new("buy", 2.840, 3.010, 0.954), new("milk", 3.020, 3.460, 0.993), new("</s>", 3.470, 3.550, 1.0),
        ];

        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = "call the dentist tomorrow at five pm and buy milk",
            Words = words,
            CreatedAt = Recorded,
            Owner = new() { TimeZone = "Europe/Berlin" },
        })).Value;

        Assert.That(result.Tasks.Select(t => (t.Description, t.Deadline)), Is.EqualTo(new[]
        {
            ("Call the dentist", (DateTimeOffset?)new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(1))),
            ("Buy milk", null),
        }));
        Assert.That(result.Tasks[0].Confidence, Is.LessThan(result.Tasks[1].Confidence), "the dentist clause was heard less clearly");
        Assert.That(result.KeyMoments.Select(m => (m.Timestamp, m.Description)), Is.EqualTo(new[]
        {
            ("00:00:00", "Task: Call the dentist (tomorrow at five pm)"),
            ("00:00:02", "Task: Buy milk"),
        }));
    }

    [Test]
    public async Task Uses_the_owners_work_hours()
    {
        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = "send the contract by monday",
            CreatedAt = Recorded,
            Owner = new()
            {
                TimeZone = "Europe/Berlin",
                WorkStartHour = 8,
                WorkEndHour = 18,
                WorkDays = [2, 3, 4, 5, 6],
            },
        })).Value;

        Assert.That(result.Tasks.Single().Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public async Task A_pause_separates_tasks_said_without_and()
    {
        var words = Spoken("call the bank", 0.4).Concat(Spoken("buy milk", 0.4, start: 3.0)).ToList();

        var withPause = (await _analyser.AnalyseAsync(new AnalysisInput { Text = "call the bank buy milk", Words = words, CreatedAt = Recorded })).Value;
        var withoutTimings = (await _analyser.AnalyseAsync(new AnalysisInput { Text = "call the bank buy milk", CreatedAt = Recorded })).Value;

        Assert.That(withPause.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Call the bank", "Buy milk" }));
        Assert.That(withoutTimings.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Call the bank buy milk" }));
    }

    [Test]
    public async Task A_pause_before_the_deadline_keeps_it_with_its_task()
    {
        var words = Spoken("call the bank", 0.4).Concat(Spoken("tomorrow at nine", 0.4, start: 3.0)).ToList();

        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = "call the bank tomorrow at nine",
            Words = words,
            CreatedAt = Recorded,
            Owner = new() { TimeZone = "Europe/Berlin" },
        })).Value;

        Assert.That(result.Tasks.Single().Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public async Task Builds_the_transcript_from_words_when_it_is_missing()
    {
        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = string.Empty,
            Words = [new("<s>", 0, 0.1), new("buy", 0.1, 0.4), new("milk", 0.4, 0.8), new("</s>", 0.8, 0.9)],
            CreatedAt = Recorded,
        })).Value;

        Assert.That(result.Tasks.Single().Description, Is.EqualTo("Buy milk"));
        Assert.That(result.Summary, Is.EqualTo("Buy milk."));
    }

    [Test]
    public async Task Other_languages_get_a_summary_but_no_english_rules()
    {
        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = "Morgen um fünf den Zahnarzt anrufen und Milch kaufen.",
            CreatedAt = Recorded,
            Language = "de",
        })).Value;

        Assert.That(result.Tasks, Is.Empty);
        Assert.That(result.Summary, Is.EqualTo("Morgen um fünf den Zahnarzt anrufen und Milch kaufen."));
        Assert.That(result.Sentiment, Is.EqualTo(SentimentResult.Neutral));
        Assert.That(result.Language, Is.EqualTo("de"));
    }

    [Test]
    public async Task Analyses_a_typed_note_the_same_way_but_without_key_moments()
    {
        var owner = new OwnerContext { TimeZone = "Europe/Berlin", WorkStartHour = 8, WorkEndHour = 16 };
        const string text = "Call the dentist tomorrow at five pm and buy milk. Send the contract by Monday, it's urgent.";

        var typed = (await _analyser.AnalyseAsync(AnalysisInput.OfTypedText(text, Recorded, "en", owner))).Value;
        var spoken = (await _analyser.AnalyseAsync(AnalysisInput.OfTranscript(text, Spoken(text, 0.4), Recorded, "en", owner))).Value;

        Assert.Multiple(() =>
        {
            Assert.That(typed.Tasks.Select(t => (t.Description, t.Deadline)), Is.EqualTo(new (string, DateTimeOffset?)[]
            {
                ("Call the dentist", new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(1))),
                ("Buy milk", null),
                ("Send the contract", new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.FromHours(1))),
            }));
            Assert.That(typed.Tasks[2].Priority, Is.EqualTo(TaskPriority.High));
            Assert.That(typed.KeyMoments, Is.Empty, "no timings, no moments");
            Assert.That(typed.Summary, Is.EqualTo(spoken.Summary));
            Assert.That(typed.Tasks.Select(t => (t.Description, t.Deadline, t.Priority)), Is.EqualTo(spoken.Tasks.Select(t => (t.Description, t.Deadline, t.Priority))));
            Assert.That(spoken.KeyMoments, Is.Not.Empty);
        });
    }

    [Test]
    public void Honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAsync<OperationCanceledException>(() =>
            _analyser.AnalyseAsync(new AnalysisInput { Text = "buy milk", CreatedAt = Recorded }, cancelled.Token));
    }

    [Test]
    public async Task Reads_a_longer_voice_note_with_pauses_between_sentences()
    {
        string[] sentences =
        [
            "okay quick update on the website relaunch the new design is approved and the client loved the colours",
            "but the contact form is still broken on mobile i need to fix the contact form by wednesday",
            "and ask priya to review the copy tomorrow morning",
            "also it's urgent to renew the ssl certificate",
            "the hosting invoice was paid last week",
            "remind me to call the client on friday at 3 pm",
        ];
        var words = new List<TimedWord>();
        foreach (var sentence in sentences)
        {
            words.AddRange(Spoken(sentence, 0.35, start: words.Count == 0 ? 0 : words[^1].End + 1.5));
        }

        var result = (await _analyser.AnalyseAsync(new AnalysisInput
        {
            Text = string.Join(" ", sentences),
            Words = words,
            CreatedAt = Recorded,
            Owner = new()
            {
                TimeZone = "Europe/Berlin",
                Role = "DEVELOPER",
                Jargon = ["ssl certificate", "contact form"],
            },
        })).Value;

        Assert.That(result.Tasks.Select(t => t.Description), Is.EqualTo(new[]
        {
            "Fix the contact form",
            "Review the copy",
            "Renew the ssl certificate",
            "Call the client",
        }));
        Assert.That(result.Tasks[0].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(1))));
        Assert.That(result.Tasks[1].Assignees.Single().Name, Is.EqualTo("Priya"));
        Assert.That(result.Tasks[1].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(1))));
        Assert.That(result.Tasks[2].Priority, Is.EqualTo(TaskPriority.High));
        Assert.That(result.Tasks[3].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromHours(1))), "Friday 15:00 is still ahead on Friday at 14:00");
        Assert.That(result.Tasks[3].Channel, Is.EqualTo(CommunicationType.Call));
        Assert.That(result.Summary.Length, Is.InRange(1, 300));
        Assert.That(result.Summary, Does.Contain("contact form"));
        Assert.That(result.KeyMoments.Select(m => m.Description), Has.Some.StartsWith("Task: Fix the contact form"));
        Assert.That(result.KeyMoments.Select(m => m.At), Is.Ordered);
        Assert.That(result.Sentiment.Score, Is.InRange(-0.5, 0.5), "praise and a broken form: mixed, not strong either way");
    }

    private static List<TimedWord> Spoken(string sentence, double perWord, double start = 0) =>
        sentence.Split(' ').Select((w, i) => new TimedWord(w, start + (i * perWord), start + ((i + 1) * perWord) - 0.05, 0.9)).ToList();
}
