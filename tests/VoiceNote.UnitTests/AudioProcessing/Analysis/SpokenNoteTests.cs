using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Summary;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

/// <summary>
/// Issue 13, items 4 and 5: unpunctuated speech as recognisers write it. Recorded on Friday 2026-11-20
/// 14:00 in Berlin. The phrases are written here, not taken from tests/evaluation.
/// </summary>
[TestFixture]
internal sealed class SpokenNoteTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(1));
    private static readonly OwnerContext Berlin = new() { TimeZone = "Europe/Berlin" };
    private readonly LocalAnalyser _analyser = new();

    [Test]
    public void A_fast_speakers_short_pause_ends_a_sentence()
    {
        // Words 0.05 s apart; half a second between the two items is a long pause for this speaker.
        var words = Timed("water the plants", 0.3, 0.05, 0).Concat(Timed("feed the cat", 0.3, 0.05, 1.5)).ToList();

        var result = Analyse("water the plants feed the cat", words);

        Assert.That(result.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Water the plants", "Feed the cat" }));
    }

    [Test]
    public void A_slow_speakers_usual_pause_does_not_end_a_sentence()
    {
        // Half a second between words is this speaker's rhythm; 1.2 s before "the landlord" is no boundary.
        var words = Timed("i need to call", 0.4, 0.5, 0).Concat(Timed("the landlord about the heating", 0.4, 0.5, 4.6)).ToList();

        var result = Analyse("i need to call the landlord about the heating", words);

        Assert.That(result.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Call the landlord about the heating" }));
    }

    [Test]
    public void Run_on_lists_split_at_verbs_and_discourse_cues()
    {
        var result = Analyse("okay so wash the car vacuum the hallway one more thing post the parcel to my brother after that i need to read the contract");

        Assert.That(result.Tasks.Select(t => t.Description), Is.EqualTo(new[]
        {
            "Wash the car", "Vacuum the hallway", "Post the parcel to my brother", "Read the contract",
        }));
    }

    [Test]
    public void An_ordinal_date_is_not_a_list_marker()
    {
        var result = Analyse("pick up the parcel from the post office on the twenty third also water the plants");

        Assert.That(result.Tasks.Select(t => (t.Description, t.Deadline?.Date)), Is.EqualTo(new[]
        {
            ("Pick up the parcel from the post office", (DateTime?)new DateTime(2026, 11, 23)),
            ("Water the plants", null),
        }));
    }

    [Test]
    public void A_meeting_said_as_news_becomes_an_event_due_when_it_starts()
    {
        var result = Analyse("the meeting with the design team moved to thursday at three thirty");

        var task = result.Tasks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(task.Description, Is.EqualTo("Meeting with the design team"));
            Assert.That(task.Kind, Is.EqualTo(TaskKind.Event));
            Assert.That(task.Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.FromHours(1))));
        });
    }

    [TestCase("what time is the meeting tomorrow")]
    [TestCase("the meeting yesterday at three went fine")]
    [TestCase("we talked about the meeting")]
    [TestCase("had lunch with an old colleague today")]
    public void Talk_about_an_event_without_a_coming_time_is_no_event(string text) =>
        Assert.That(Analyse(text).Tasks, Is.Empty);

    [Test]
    public void The_notes_priority_is_its_most_urgent_tasks()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Analyse("buy stamps and it's urgent to renew the passport").Priority, Is.EqualTo(TaskPriority.High));
            Assert.That(Analyse("clean the garage someday").Priority, Is.EqualTo(TaskPriority.Low));
            Assert.That(Analyse("what a lovely walk by the river today").Priority, Is.EqualTo(TaskPriority.Low), "nothing to do");
        });
    }

    [Test]
    public void Whom_something_goes_to_is_a_recipient_and_who_is_asked_to_act_an_assignee()
    {
        var sent = Analyse("send the invoice to maria").Tasks.Single();
        var asked = Analyse("ask john to book the room").Tasks.Single();
        var told = Analyse("tell marcus he needs to check the figures").Tasks.Single();
        var informed = Analyse("tell sarah the flat is ready").Tasks.Single();

        Assert.Multiple(() =>
        {
            Assert.That(sent.Assignees, Is.EqualTo(new[] { new AssignedEntity("Maria", Role: PersonRole.Recipient) }));
            Assert.That((asked.Description, asked.Assignees.Single()), Is.EqualTo(("Book the room", new AssignedEntity("John", Role: PersonRole.Assignee))));
            Assert.That((told.Description, told.Assignees.Single().Role), Is.EqualTo(("Check the figures", PersonRole.Assignee)));
            Assert.That(informed.Assignees.Single().Role, Is.EqualTo(PersonRole.Recipient));
        });
    }

    [Test]
    public void A_family_word_names_a_person_but_my_sister_is_a_relation()
    {
        Assert.That(Analyse("ring mum about sunday lunch").Tasks.Single().Assignees.Select(a => a.Name), Is.EqualTo(new[] { "Mum" }));
        Assert.That(Analyse("ring my sister about sunday lunch").Tasks.Single().Assignees, Is.Empty);
    }

    [TestCase("uh urgent call the bank", "Call the bank")]
    [TestCase("the urgent call the bank", "Call the bank")]
    [TestCase("sock urgent call the bank", "Call the bank")]
    public void A_stray_word_before_a_cue_keeps_the_task(string text, string expected)
    {
        var task = Analyse(text).Tasks.Single();

        Assert.That((task.Description, task.Priority), Is.EqualTo((expected, TaskPriority.High)));
    }

    [TestCase("the report needs more work")]
    [TestCase("my neighbour called about the fence")]
    public void Narration_with_a_stray_looking_opening_is_no_task(string text) =>
        Assert.That(Analyse(text).Tasks, Is.Empty);

    [TestCase("buy coffee beans we're nearly out", "Buy coffee beans")]
    [TestCase("renew the parking permit or they'll tow the car", "Renew the parking permit")]
    [TestCase("text anna i'm running late", "Text Anna I'm running late")]
    public void Descriptions_end_where_talk_about_the_task_starts(string text, string expected) =>
        Assert.That(Analyse(text).Tasks.Single().Description, Is.EqualTo(expected));

    [Test]
    public void The_title_is_the_first_tasks_action()
    {
        var result = Analyse("so the plumber came by and then remember to pay the plumber for the new boiler valve and the two extra hours of labour he did on saturday");

        Assert.That(result.Title, Is.EqualTo("Pay the plumber for the new boiler valve and the two extra"));
        Assert.That(result.Title!.Length, Is.LessThanOrEqualTo(NoteTitle.MaxCharacters));
    }

    [TestCase("um so okay the garden looks lovely today and the roses are out", "The garden looks lovely today and the roses are out")]
    [TestCase("Booked the venue and the caterer for the spring party of the whole department and their families.", "Booked the venue and the caterer for the spring party")]
    public void A_title_is_a_phrase_ending_at_a_word(string text, string expected) =>
        Assert.That(NoteTitle.Phrase(text), Is.EqualTo(expected));

    private AnalysisResult Analyse(string text, IReadOnlyList<TimedWord>? words = null) =>
        _analyser.Analyse(new AnalysisInput { Text = text, Words = words, CreatedAt = Recorded, Owner = Berlin });

    private static IEnumerable<TimedWord> Timed(string sentence, double perWord, double gap, double start) =>
        sentence.Split(' ').Select((w, i) => new TimedWord(w, start + (i * (perWord + gap)), start + (i * (perWord + gap)) + perWord));
}
