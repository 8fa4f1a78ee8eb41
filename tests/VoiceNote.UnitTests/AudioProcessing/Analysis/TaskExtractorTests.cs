using System.Globalization;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Analysis.Tasks;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis;

/// <summary>
/// The task extractor on a table of transcripts, mostly as speech recognisers write them (lower case,
/// no punctuation). Berlin rows were recorded on Friday 2026-11-20 14:00 CET; New York rows on
/// Saturday 2026-10-31 10:00 EDT, the day before clocks go back. Each expected task reads
/// "description | deadline (ISO with offset, or -) | priority | channel (or -) | assignees".
/// </summary>
[TestFixture]
internal sealed class TaskExtractorTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";
    private static readonly DateTimeOffset BerlinFriday = new(2026, 11, 20, 14, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset NewYorkSaturday = new(2026, 10, 31, 10, 0, 0, TimeSpan.FromHours(-4));
    private readonly TaskExtractor _extractor = new();

    private static IEnumerable<TestCaseData> Tasks()
    {
        // The key example, as a recogniser and as a person would write it.
        yield return Row(Berlin, "call the dentist tomorrow at five pm and buy milk",
            "Call the dentist | 2026-11-21T17:00+01:00 | Medium | Call", "Buy milk | - | Medium | -");
        yield return Row(Berlin, "Call the dentist tomorrow at 5 PM, and buy milk.",
            "Call the dentist | 2026-11-21T17:00+01:00 | Medium | Call", "Buy milk | - | Medium | -");

        // Intent phrases.
        yield return Row(Berlin, "remind me to pick up the dry cleaning on monday", "Pick up the dry cleaning | 2026-11-23T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "i need to email sarah about the budget by friday", "Email Sarah about the budget | 2026-11-20T17:00+01:00 | Medium | - | Sarah");
        yield return Row(Berlin, "don't forget to pay the electricity bill by the end of the month", "Pay the electricity bill | 2026-11-30T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "i have to finish the quarterly report in two hours", "Finish the quarterly report | 2026-11-20T16:00+01:00 | Medium | -");
        yield return Row(Berlin, "we need to renew the car insurance in 3 days", "Renew the car insurance | 2026-11-23T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "i must submit the grant application on march 3rd", "Submit the grant application | 2027-03-03T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "make sure to back up the server by end of day", "Back up the server | 2026-11-20T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "let's schedule a meeting with the design team next week", "Schedule a meeting with the design team | 2026-11-23T09:00+01:00 | Medium | Meet");
        yield return Row(Berlin, "i'll send the invoice on the 5th", "Send the invoice | 2026-12-05T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "we should meet with priya next friday", "Meet with Priya | 2026-11-27T09:00+01:00 | Medium | Meet | Priya");
        yield return Row(Berlin, "i'm going to ring the landlord tomorrow morning", "Ring the landlord | 2026-11-21T09:00+01:00 | Medium | Call");
        yield return Row(Berlin, "so um i need to book flights for the conference in a week", "Book flights for the conference | 2026-11-27T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "need to call the insurance company before noon tomorrow", "Call the insurance company | 2026-11-21T12:00+01:00 | Medium | Call");
        yield return Row(Berlin, "we have to prepare the budget by eod", "Prepare the budget | 2026-11-20T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "i gotta drop off the package in the morning", "Drop off the package | 2026-11-21T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "i need to remember to water the plants on sunday", "Water the plants | 2026-11-22T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "tomorrow i need to call her at five", "Call her | 2026-11-21T17:00+01:00 | Medium | Call");
        yield return Row(Berlin, "don't forget mom's birthday on december 24th", "Remember mom's birthday | 2026-12-24T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "remind me about the dentist appointment at noon", "Remember the dentist appointment | 2026-11-21T12:00+01:00 | Medium | -");
        yield return Row(Berlin, "can you send me the report by thursday", "Send me the report | 2026-11-26T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "john needs to update the website by next wednesday", "Update the website | 2026-11-25T17:00+01:00 | Medium | - | John");

        // Imperatives.
        yield return Row(Berlin, "book a table for four at 8 tonight", "Book a table for four | 2026-11-20T20:00+01:00 | Medium | -");
        yield return Row(Berlin, "pick up the kids at 3:30 and then order pizza", "Pick up the kids | 2026-11-20T15:30+01:00 | Medium | -", "Order pizza | - | Medium | -");
        yield return Row(Berlin, "schedule a call with the accountant the day after tomorrow at 4", "Schedule a call with the accountant | 2026-11-22T16:00+01:00 | Medium | Call");
        yield return Row(Berlin, "buy milk, eggs, and bread", "Buy milk, eggs, and bread | - | Medium | -");
        yield return Row(Berlin, "get groceries after work and email the landlord", "Get groceries after work | - | Medium | -", "Email the landlord | - | Medium | -");
        yield return Row(Berlin, "send the slides to anna within 30 minutes", "Send the slides to Anna | 2026-11-20T14:30+01:00 | Medium | - | Anna");
        yield return Row(Berlin, "call back the client in twenty minutes", "Call back the client | 2026-11-20T14:20+01:00 | Medium | Call");
        yield return Row(Berlin, "order new business cards on 2026-12-01", "Order new business cards | 2026-12-01T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "invite the team to the launch party next month", "Invite the team to the launch party | 2026-12-01T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "clean the garage over the weekend", "Clean the garage | 2026-11-21T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "reply to the landlord by the end of next week", "Reply to the landlord | 2026-11-27T17:00+01:00 | Medium | -");

        yield return Row(Berlin, "remind me to call mom at seven", "Call Mom | 2026-11-20T19:00+01:00 | Medium | Call | Mom");
        yield return Row(Berlin, "ring the office at 9 am", "Ring the office | 2026-11-21T09:00+01:00 | Medium | Call");
        yield return Row(Berlin, "buy a ring for the anniversary", "Buy a ring for the anniversary | - | Medium | -");
        yield return Row(Berlin, "pay rent on the 1st", "Pay rent | 2026-12-01T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "prepare the slides for monday's review", "Prepare the slides for review | 2026-11-23T09:00+01:00 | Medium | -");
        yield return Row(Berlin, "i'll call you back in 10 minutes", "Call you back | 2026-11-20T14:10+01:00 | Medium | Call");
        yield return Row(Berlin, "please call me back asap", "Call me back | - | High | Call");
        yield return Row(Berlin, "call john at five thirty p.m.", "Call John | 2026-11-20T17:30+01:00 | Medium | Call | John");

        yield return Row(Berlin, "review and sign the contract", "Review and sign the contract | - | Medium | -");
        yield return Row(Berlin, "first buy flowers second call the florist third book the restaurant",
            "Buy flowers | - | Medium | -", "Call the florist | - | Medium | Call", "Book the restaurant | - | Medium | -");
        yield return Row(Berlin, "I need to call the bank I also need to buy milk and then I need to pick up the kids at 3",
            "Call the bank | - | Medium | Call", "Buy milk | - | Medium | -", "Pick up the kids | 2026-11-20T15:00+01:00 | Medium | -");
        yield return Row(Berlin, "Call the bank. Buy milk! Should I email Tom? No need to call Sarah; text Maria instead.",
            "Call the bank | - | Medium | Call", "Buy milk | - | Medium | -", "Text Maria instead | - | Medium | Sms | Maria");
        yield return Row(Berlin, "don't forget to call grandma and wish her happy birthday",
            "Call Grandma | - | Medium | Call | Grandma", "Wish her happy birthday | - | Medium | -");
        yield return Row(Berlin, "we need to hire two developers by january", "Hire two developers | 2027-01-01T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "don't forget to pay the electricity bill by the end of the month so", "Pay the electricity bill | 2026-11-30T17:00+01:00 | Medium | -");

        // People.
        yield return Row(Berlin, "ask john to send me the slides tomorrow", "Send me the slides | 2026-11-21T09:00+01:00 | Medium | - | John");
        yield return Row(Berlin, "tell maria the budget is approved", "Tell Maria the budget is approved | - | Medium | - | Maria");
        yield return Row(Berlin, "call dr smith next monday", "Call Dr. Smith | 2026-11-23T09:00+01:00 | Medium | Call | Dr. Smith");
        yield return Row(Berlin, "Call Dr. Smith on Monday.", "Call Dr. Smith | 2026-11-23T09:00+01:00 | Medium | Call | Dr. Smith");
        yield return Row(Berlin, "call mike and text sarah", "Call Mike | - | Medium | Call | Mike", "Text Sarah | - | Medium | Sms | Sarah");
        yield return Row(Berlin, "send john the contract and the invoice by friday", "Send John the contract and the invoice | 2026-11-20T17:00+01:00 | Medium | - | John");
        yield return Row(Berlin, "pick up tom from school at 3", "Pick up Tom from school | 2026-11-20T15:00+01:00 | Medium | - | Tom");
        yield return Row(Berlin, "call or text jenny", "Call or text Jenny | - | Medium | Call | Jenny");
        yield return Row(Berlin, "get coffee and pay taxes", "Get coffee | - | Medium | -", "Pay taxes | - | Medium | -");
        yield return Row(Berlin, "ask priya and tom to review the draft", "Review the draft | - | Medium | - | Priya, Tom");

        // Channels.
        yield return Row(Berlin, "text maria that i'm running late", "Text Maria that I'm running late | - | Medium | Sms | Maria");
        yield return Row(Berlin, "whatsapp the address to dad", "Whatsapp the address to Dad | - | Medium | WhatsApp | Dad");
        yield return Row(Berlin, "set up a zoom call with the client on monday at 10", "Set up a zoom call with the client | 2026-11-23T10:00+01:00 | Medium | Meet");
        yield return Row(Berlin, "message the team on slack about the release", "Message the team on slack about the release | - | Medium | Slack");
        yield return Row(Berlin, "call grandma on zoom on sunday at 6 pm", "Call Grandma on zoom | 2026-11-22T18:00+01:00 | Medium | Meet | Grandma");

        // Priority.
        yield return Row(Berlin, "urgent call the bank asap", "Call the bank | - | High | Call");
        yield return Row(Berlin, "call the plumber immediately", "Call the plumber | - | High | Call");
        yield return Row(Berlin, "this is urgent please send the contract to james today", "Send the contract to James | 2026-11-20T17:00+01:00 | High | - | James");
        yield return Row(Berlin, "it's important to back up the photos", "Back up the photos | - | High | -");
        yield return Row(Berlin, "I need to review the pull request, it's urgent.", "Review the pull request | - | High | -");
        yield return Row(Berlin, "i should call mom this weekend whenever i can", "Call Mom | 2026-11-21T09:00+01:00 | Low | Call | Mom");
        yield return Row(Berlin, "someday i should learn to play the piano", "Learn to play the piano | - | Low | -");
        yield return Row(Berlin, "no rush but we should repaint the fence at some point", "Repaint the fence | - | Low | -");

        // Mixed narration and tasks.
        yield return Row(Berlin, "I called the dentist yesterday and I need to call her again tomorrow at 10", "Call her again | 2026-11-21T10:00+01:00 | Medium | Call");
        yield return Row(Berlin, "the meeting was long but we need to send the minutes by friday", "Send the minutes | 2026-11-20T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "she said she would call so remind me to check my phone at 4", "Check my phone | 2026-11-20T16:00+01:00 | Medium | -");

        yield return Row(Berlin, "forward the email from last monday", "Forward the email from last monday | - | Medium | -");
        yield return Row(Berlin, "forward the email from last monday by friday", "Forward the email from last monday | 2026-11-20T17:00+01:00 | Medium | -");
        yield return Row(Berlin, "the printer is broken again i need to order toner", "Order toner | - | Medium | -");
        yield return Row(Berlin, "call john don't email him", "Call John | - | Medium | Call | John");

        // New York, across the end of daylight saving time on 2026-11-01.
        yield return Row(NewYork, "call the dentist tomorrow at five pm and buy milk",
            "Call the dentist | 2026-11-01T17:00-05:00 | Medium | Call", "Buy milk | - | Medium | -");
        yield return Row(NewYork, "remind me to take out the trash tonight", "Take out the trash | 2026-10-31T20:00-04:00 | Medium | -");
        yield return Row(NewYork, "submit the timesheet by monday", "Submit the timesheet | 2026-11-02T17:00-05:00 | Medium | -");
        yield return Row(NewYork, "email the school in 48 hours", "Email the school | 2026-11-02T09:00-05:00 | Medium | -");
        yield return Row(NewYork, "i need to call the vet tomorrow at 9", "Call the vet | 2026-11-01T09:00-05:00 | Medium | Call");

        // Must not produce a task: narration, past tense, questions, negations, talk.
        yield return Row(Berlin, "I called the dentist yesterday");
        yield return Row(Berlin, "the meeting was long");
        yield return Row(Berlin, "she said she would call");
        yield return Row(Berlin, "should I call him?");
        yield return Row(Berlin, "should i call him");
        yield return Row(Berlin, "no need to call the plumber");
        yield return Row(Berlin, "don't call john");
        yield return Row(Berlin, "i don't need to buy milk");
        yield return Row(Berlin, "we don't have to book anything");
        yield return Row(Berlin, "i already sent the invoice");
        yield return Row(Berlin, "i was going to call her");
        yield return Row(Berlin, "john called this morning");
        yield return Row(Berlin, "the email was sent last week");
        yield return Row(Berlin, "what time is the meeting tomorrow");
        yield return Row(Berlin, "i have to say the demo went well");
        yield return Row(Berlin, "i should have called him");
        yield return Row(Berlin, "thanks for calling");
        yield return Row(Berlin, "we met with the client last monday");
        yield return Row(Berlin, "do you want to call him");
        yield return Row(Berlin, "it was an important meeting");
        yield return Row(Berlin, "i need to tell you something");
        yield return Row(Berlin, "i had to call the bank yesterday");
        yield return Row(Berlin, "never mind the report");
        yield return Row(Berlin, "the call went well and everyone was happy");
        yield return Row(Berlin, "i need to i'm a holster labelle the budget");
        yield return Row(Berlin, "");
    }

    [TestCaseSource(nameof(Tasks))]
    public void Extracts_tasks(string zone, string transcript, string[] expected)
    {
        var recordedAt = zone == NewYork ? NewYorkSaturday : BerlinFriday;

        var tasks = _extractor.Extract(transcript, recordedAt, zone);

        var actual = tasks.Select(Describe).ToList();
        Assert.That(actual, Is.EqualTo(expected), transcript);
    }

    [Test]
    public void The_key_example_gives_two_tasks_exactly()
    {
        var tasks = _extractor.Extract("call the dentist tomorrow at five pm and buy milk", BerlinFriday, Berlin);

        Assert.That(tasks, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(tasks[0].Description, Is.EqualTo("Call the dentist"));
            Assert.That(tasks[0].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(tasks[0].DeadlineText, Is.EqualTo("tomorrow at five pm"));
            Assert.That(tasks[0].Channel, Is.EqualTo(CommunicationType.Call));
            Assert.That(tasks[0].Priority, Is.EqualTo(TaskPriority.Medium));
            Assert.That(tasks[1].Description, Is.EqualTo("Buy milk"));
            Assert.That(tasks[1].Deadline, Is.Null);
            Assert.That(tasks[1].Channel, Is.Null);
        });
    }

    [Test]
    public void Task_sources_point_at_the_words_they_came_from()
    {
        const string transcript = "okay call the dentist tomorrow at five pm and buy milk";

        var tasks = _extractor.Extract(transcript, BerlinFriday, Berlin);

        Assert.That(transcript.Substring(tasks[0].SourceStart, tasks[0].SourceLength), Is.EqualTo("okay call the dentist tomorrow at five pm"));
        Assert.That(transcript.Substring(tasks[1].SourceStart, tasks[1].SourceLength), Is.EqualTo("buy milk"));
    }

    [Test]
    public void People_carry_the_tasks_channel()
    {
        var task = _extractor.Extract("text sarah the new address", BerlinFriday, Berlin).Single();

        Assert.That(task.Assignees, Is.EqualTo(new[] { new AssignedEntity("Sarah", null, CommunicationType.Sms, PersonRole.Recipient) }));
    }

    [Test]
    public void Hedged_tasks_are_kept_with_less_confidence()
    {
        var firm = _extractor.Extract("call the bank", BerlinFriday, Berlin).Single();
        var hedged = _extractor.Extract("maybe call the bank", BerlinFriday, Berlin).Single();

        Assert.That(hedged.Description, Is.EqualTo("Call the bank"));
        Assert.That(hedged.Confidence, Is.LessThan(firm.Confidence));
    }

    [Test]
    public void The_same_task_said_twice_is_one_task()
    {
        var tasks = _extractor.Extract("buy milk. oh and buy milk", BerlinFriday, Berlin);

        Assert.That(tasks.Select(t => t.Description), Is.EqualTo(new[] { "Buy milk" }));
    }

    private static TestCaseData Row(string zone, string transcript, params string[] expected) =>
        new TestCaseData(zone, transcript, expected.Select(Normalise).ToArray()).SetArgDisplayNames(transcript.Length == 0 ? "(empty)" : transcript);

    private static string Normalise(string expected)
    {
        var parts = expected.Split('|').Select(p => p.Trim()).ToList();
        while (parts.Count < 5)
        {
            parts.Add(string.Empty);
        }

        return string.Join(" | ", parts);
    }

    private static string Describe(ExtractedTask task) => string.Join(" | ",
        task.Description,
        task.Deadline?.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture) ?? "-",
        task.Priority.ToString(),
        task.Channel?.ToString() ?? "-",
        string.Join(", ", task.Assignees.Select(a => a.Name)));
}
