using VoiceNote.Modules.Exports.Application.Documents;

namespace VoiceNote.UnitTests.Exports;

/// <summary>
/// The note every format is written from in tests (issue 15): a title and summary in several scripts with an emoji,
/// tasks with and without deadlines, key moments, and a transcript of 35 minutes of timed words. The speech is a
/// planning meeting written by hand; its timing is a speaker's (about 2.5 words a second, short breaths between
/// sentences, a longer silence when the topic changes), generated so the recording is long enough.
/// </summary>
internal static class ExportFixture
{
    public const string Title = "Réunion de planification — 東京オフィス 🚀";

    public const string Summary =
        "Die Planung für das nächste Quartal: the Tokyo office (東京オフィス) opens in March, Ольга leads the migration, " +
        "and the team agreed to ship the mobile recorder before the 한국어 localisation. Café budget approved ☕.";

    public static readonly TimeSpan Length = TimeSpan.FromMinutes(35);

    /// <summary>What the speakers say, topic by topic; the transcript cycles through them until 35 minutes are filled.</summary>
    public static readonly string[][] Topics =
    [
        [
            "Good morning everyone, let's start with the Tokyo office.",
            "The lease is signed and the keys arrive on the first of March.",
            "Kenji will send photos of the space by Friday.",
            "We still need desks, chairs and a decent coffee machine.",
        ],
        [
            "Next, the database migration that Olga is leading.",
            "She estimates three weeks, including a full rehearsal on the staging copy.",
            "Nobody touches the production schema during the freeze.",
            "If the rehearsal fails we postpone by one week, not more.",
        ],
        [
            "The mobile recorder is the priority for this quarter.",
            "Uploads must survive a dropped connection on the train.",
            "Marie asked whether we can record in the background with the screen off.",
            "We agreed to test that on three older phones first.",
        ],
        [
            "Finally the Korean localisation moves to next quarter.",
            "The translators need the final strings, so freeze them by the twentieth.",
            "Does anyone have questions before we close?",
            "Thank you all, see you next Tuesday.",
        ],
    ];

    public static NoteDocument Note(TimeZoneInfo? zone = null) => new(
        NoteId: Guid.Parse("0193c6a0-0000-7000-8000-000000000015"),
        Title: Title,
        RecordedAt: new DateTimeOffset(2026, 11, 30, 8, 45, 0, TimeSpan.Zero),
        CreatedAt: new DateTimeOffset(2026, 11, 30, 9, 25, 0, TimeSpan.Zero),
        UpdatedAt: new DateTimeOffset(2026, 11, 30, 9, 40, 0, TimeSpan.Zero),
        OwnerTimeZone: zone ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
        Duration: Length,
        Priority: "HIGH",
        Sentiment: "positive",
        Language: "en",
        Summary: Summary,
        Transcript: string.Join(' ', Words().Select(w => w.Text)),
        Words: Words(),
        Tasks:
        [
            new DocumentTask("Send photos of the Tokyo space — 写真を送る", new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), "MEDIUM", false, null),
            new DocumentTask("Rehearse the migration on staging (Ольга)", new DateTimeOffset(2026, 12, 18, 12, 0, 0, TimeSpan.Zero), "HIGH", false, null),
            new DocumentTask("Freeze the strings for the 한국어 translators", new DateTimeOffset(2026, 12, 20, 23, 0, 0, TimeSpan.Zero), "LOW", true, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)),
            new DocumentTask("Order a coffee machine ☕", null, "LOW", false, null),
        ],
        KeyMoments:
        [
            new DocumentKeyMoment(TimeSpan.FromSeconds(4), "Tokyo office: the lease is signed"),
            new DocumentKeyMoment(TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(30), "Migration freeze agreed"),
            new DocumentKeyMoment(TimeSpan.FromMinutes(31), "Korean localisation moves to next quarter"),
        ],
        TranscriptVersions:
        [
            new DocumentTranscriptVersion(1, "local", "en", new DateTimeOffset(2026, 11, 30, 9, 10, 0, TimeSpan.Zero), "Good morning everyone lets start with the talk yo office."),
            new DocumentTranscriptVersion(2, "openai", "en", new DateTimeOffset(2026, 11, 30, 9, 20, 0, TimeSpan.Zero), string.Join(' ', Words().Select(w => w.Text))),
        ],
        AnalysisVersions:
        [
            new DocumentAnalysisVersion(2, "local", new DateTimeOffset(2026, 11, 30, 9, 21, 0, TimeSpan.Zero), Summary, Title, [], [], "positive"),
        ]);

    private static List<TimedWord>? _words;

    /// <summary>The timed words, built once: topics in turn, sentence after sentence, until the recording's length.</summary>
    public static IReadOnlyList<TimedWord> Words()
    {
        if (_words is { } built)
        {
            return built;
        }

        var words = new List<TimedWord>();
        var at = 1_200; // the recording starts with a second of room noise
        var length = (int)Length.TotalMilliseconds;
        for (var round = 0; at < length; round++)
        {
            var topic = Topics[round % Topics.Length];
            foreach (var sentence in topic)
            {
                foreach (var word in sentence.Split(' '))
                {
                    var duration = 180 + (word.Length * 35); // longer words take longer to say
                    if (at + duration > length)
                    {
                        return _words = words;
                    }

                    words.Add(new TimedWord(word, at, at + duration));
                    at += duration + 120;
                }

                at += 650; // a breath between sentences
            }

            at += 3_500; // the silence before the next topic
        }

        return _words = words;
    }
}
