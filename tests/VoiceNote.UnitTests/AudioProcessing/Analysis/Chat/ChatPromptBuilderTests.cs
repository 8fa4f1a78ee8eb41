using System.Text.Json.Nodes;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Chat;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis.Chat;

[TestFixture]
internal sealed class ChatPromptBuilderTests
{
    // Friday 20 November 2026, 13:00 UTC = 14:00 in Berlin (CET, +01:00).
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);
    private readonly ChatPromptBuilder _builder = new();

    [Test]
    public void The_system_message_carries_the_owners_role_prompt_jargon_clock_and_work_week()
    {
        var prompt = _builder.Build(new AnalysisInput
        {
            Text = "call the dentist tomorrow at five pm and buy milk",
            CreatedAt = Recorded,
            Language = "en-GB",
            SummaryMaxCharacters = 280,
            Owner = new()
            {
                TimeZone = "Europe/Berlin",
                WorkStartHour = 8,
                WorkEndHour = 18,
                WorkDays = [1, 2, 3, 4, 5],
                Role = "DEVELOPER",
                SystemPrompt = "  Always write summaries as bullet points.  ",
                Jargon = ["Kubernetes", "PR"],
            },
        });

        Assert.Multiple(() =>
        {
            Assert.That(prompt.System, Does.Contain("The owner's role is DEVELOPER, a software developer"));
            Assert.That(prompt.System, Does.Contain("Recorded at 2026-11-20T14:00:00+01:00 (Friday) in the owner's time zone Europe/Berlin."));
            Assert.That(prompt.System, Does.Contain("The owner works 08:00-18:00 on Sunday, Monday, Tuesday, Wednesday, Thursday."));
            Assert.That(prompt.System, Does.Contain("Kubernetes, PR"));
            Assert.That(prompt.System, Does.Contain("(en-GB), at most 280 characters"));
            Assert.That(prompt.System, Does.EndWith("Always write summaries as bullet points."), "the owner's own instructions come last, trimmed");
            Assert.That(prompt.System, Does.Contain("key_moments: an empty list"), "no timings, so no invented offsets");
            Assert.That(prompt.User.ReplaceLineEndings("\n"), Is.EqualTo("Transcript:\ncall the dentist tomorrow at five pm and buy milk"));
        });
    }

    [Test]
    public void Missing_steering_is_left_out_and_an_unknown_zone_means_utc()
    {
        var prompt = _builder.Build(new AnalysisInput { Text = "buy milk", CreatedAt = Recorded, Owner = new() { TimeZone = "Mars/Olympus" } });

        Assert.Multiple(() =>
        {
            Assert.That(prompt.System, Does.Not.Contain("owner's role"));
            Assert.That(prompt.System, Does.Not.Contain("own instructions"));
            Assert.That(prompt.System, Does.Not.Contain("Terms the owner uses"));
            Assert.That(prompt.System, Does.Contain("Recorded at 2026-11-20T13:00:00+00:00 (Friday) in the owner's time zone UTC."));
            Assert.That(prompt.System, Does.Contain("09:00-17:00 on Monday, Tuesday, Wednesday, Thursday, Friday"), "the profile's defaults");
        });
    }

    [Test]
    public void A_role_outside_the_known_list_is_still_named()
    {
        var prompt = _builder.Build(new AnalysisInput { Text = "x", CreatedAt = Recorded, Owner = new() { Role = "BEEKEEPER" } });
        Assert.That(prompt.System, Does.Contain("The owner's role is BEEKEEPER; summarise"));
    }

    [Test]
    public void Word_timings_become_compact_lines_broken_at_pauses_and_every_ten_seconds()
    {
        List<TimedWord> words =
        [
            new("<s>", 0, 0.1), new("call", 0.1, 0.4), new("the", 0.4, 0.5), new("dentist", 0.5, 1.0),
            new("<sil>", 1.0, 2.5), new("and(2)", 2.6, 2.8), new("buy", 2.8, 3.0), new("milk", 3.0, 3.4),
            .. Enumerable.Range(0, 12).Select(i => new TimedWord("word" + i, 62 + i, 62.8 + i)),
        ];

        var lines = ChatPromptBuilder.TimingLines(words);
        var prompt = _builder.Build(new AnalysisInput { Text = "call the dentist and buy milk", Words = words, CreatedAt = Recorded });

        Assert.Multiple(() =>
        {
            Assert.That(lines, Is.EqualTo(new[]
            {
                "[00:00] call the dentist",
                "[00:02] and buy milk",
                "[01:02] word0 word1 word2 word3 word4 word5 word6 word7 word8 word9",
                "[01:12] word10 word11",
            }));
            Assert.That(prompt.User, Does.Contain("Word timings ([mm:ss] words from that offset):"));
            Assert.That(prompt.User, Does.Contain("[01:12] word10 word11"));
            Assert.That(prompt.System, Does.Contain("at_seconds from the word timings"));
        });
    }

    [Test]
    public void Without_a_transcript_the_words_are_the_transcript()
    {
        var prompt = _builder.Build(new AnalysisInput { Text = " ", Words = [new("<s>", 0, 0.1), new("buy", 0.1, 0.3), new("milk", 0.3, 0.6)], CreatedAt = Recorded });
        Assert.That(prompt.User, Does.StartWith("Transcript:").And.Contain("buy milk"));
    }

    [Test]
    public void The_schema_is_valid_for_strict_mode_everywhere()
    {
        var schema = AnalysisSchema.Build();
        var objects = Objects(schema).ToList();

        Assert.That(objects, Has.Count.EqualTo(5), "root, task, assignee, key moment, sentiment");
        foreach (var node in objects)
        {
            var properties = node["properties"]!.AsObject().Select(p => p.Key).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(node["additionalProperties"]!.GetValue<bool>(), Is.False);
                Assert.That(node["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(properties), "strict mode: every property required");
            });
        }

        var task = schema["properties"]!["tasks"]!["items"]!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(schema["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "title", "summary", "tasks", "key_moments", "sentiment" }));
            Assert.That(task["priority"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "low", "medium", "high" }));
            Assert.That(task["communication_type"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()), Is.EqualTo(new[] { "whatsapp", "sms", "call", "meet", "slack", null }));
            Assert.That(task["deadline"]!["type"]!.ToJsonString(), Is.EqualTo("""["string","null"]"""));
        });
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue type && type.GetValue<string>() == "object")
            {
                yield return obj;
            }

            foreach (var child in obj.Where(p => p.Key is "properties" or "items").SelectMany(p => p.Key == "items" ? [p.Value] : p.Value!.AsObject().Select(c => c.Value)))
            {
                foreach (var found in Objects(child))
                {
                    yield return found;
                }
            }
        }
    }
}
