using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.AudioEvents;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.UnitTests.Notes;

/// <summary>How an analysis is written into a note (docs/decisions/0075): what the owner set by hand stays.</summary>
public sealed class AnalysisApplierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_new_texts_analysis_replaces_the_last_ones_suggestions_but_not_the_owners()
    {
        var note = Note.Create(new UserId(Guid.NewGuid()), Now);
        AnalysisApplier.Apply(note, Analysis("First title", "Send the invoice", "Call the bank", "Water the plants", "Book a table"), note.Id, replace: true, Now);
        var edited = note.Tasks.Single(t => t.Description == "Send the invoice");
        edited.EditedByOwner = true;
        note.Tasks.Single(t => t.Description == "Call the bank").SoftDelete(Now);
        note.Tasks.Single(t => t.Description == "Water the plants").Complete(Now);
        note.Tasks.Add(NoteTask.Create(note, "My own task", 9, Now));
        note.Summary = "Mine";
        note.SummarySetByOwner = true;

        AnalysisApplier.Apply(note, Analysis("Second title", "Call the bank", "Buy milk"), note.Id, replace: true, Now);

        Assert.Multiple(() =>
        {
            Assert.That(note.Title, Is.EqualTo("Second title"), "the analysis's own title follows the text");
            Assert.That(note.Summary, Is.EqualTo("Mine"));
            Assert.That(note.Tasks.Select(t => t.Description), Is.EquivalentTo(new[] { "Send the invoice", "Call the bank", "Water the plants", "My own task", "Buy milk" }),
                "the untouched suggestion that left the text went; edited, deleted, done and own tasks stayed");
            Assert.That(note.Tasks.Count(t => t.Description == "Call the bank"), Is.EqualTo(1), "a deleted suggestion is not added again");
            Assert.That(note.Tasks.Single(t => t.Description == "Call the bank").IsDeleted, Is.True);
        });
    }

    [Test]
    public void An_owners_title_is_never_replaced_and_a_recordings_analysis_only_fills_a_missing_one()
    {
        var typed = Note.Create(new UserId(Guid.NewGuid()), Now);
        typed.Title = "Owner's";
        typed.TitleSetByOwner = true;
        AnalysisApplier.Apply(typed, Analysis("Proposed"), typed.Id, replace: true, Now);

        var recorded = Note.Create(new UserId(Guid.NewGuid()), Now, audioId: Guid.NewGuid());
        AnalysisApplier.Apply(recorded, Analysis("From the first analysis", "Call the bank"), recorded.AudioId!.Value, replace: false, Now);
        AnalysisApplier.Apply(recorded, Analysis("From a reprocess", "Buy milk"), recorded.AudioId!.Value, replace: false, Now);

        Assert.Multiple(() =>
        {
            Assert.That(typed.Title, Is.EqualTo("Owner's"));
            Assert.That(recorded.Title, Is.EqualTo("From the first analysis"));
            Assert.That(recorded.Tasks.Select(t => t.Description), Is.EquivalentTo(new[] { "Call the bank", "Buy milk" }), "a recording's analyses only add");
        });
    }

    [Test]
    public void Only_what_the_owner_wrote_is_analysed()
    {
        var note = Note.Create(new UserId(Guid.NewGuid()), Now);
        note.Title = "Proposed by an analysis";
        note.Summary = "Written by an analysis";
        Assert.That(note.AnalysisText(), Is.Empty);

        note.Summary = "call the bank";
        note.SummarySetByOwner = true;
        Assert.That(note.AnalysisText(), Is.EqualTo("call the bank"));

        note.SetTranscript(TranscriptEngine.Android, " buy milk ", "en", Now);
        Assert.That(note.AnalysisText(), Is.EqualTo("buy milk"), "a transcript comes first");
        Assert.That(note.RequestAnalysis(Note.Hash(note.AnalysisText())), Is.True);
        Assert.That(note.RequestAnalysis(Note.Hash(note.AnalysisText())), Is.False, "the same text is not sent twice");
    }

    private static AnalysisToApply Analysis(string title, params string[] tasks) =>
        new("A summary.", title, [.. tasks.Select(t => new AnalysedTask(t, null, AnalysedPriority.Medium, null, []))], [], null);
}
