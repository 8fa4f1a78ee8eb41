using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Admin;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.UnitTests.Notes;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>
/// The project's one specification evaluator (docs/decisions/0006): criteria, includes, selector, and
/// above all the owner filter — kept unless a specification lifts it, and then lifted by name only.
/// </summary>
public sealed class SpecificationEvaluatorTests
{
    [Test]
    public void A_specification_keeps_the_owner_filter()
    {
        using var db = NotesQueryContext.For(UserId.New());
        Assert.That(db.Notes.WithSpecification(new NoteById(Guid.NewGuid())).ToQueryString(), Does.Contain("WHERE n.owner_id = @ef_filter__CurrentOwnerId AND n.id = @id"));
    }

    [Test]
    public void Lifting_query_filters_lifts_the_owner_filter()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var sql = db.Notes.WithSpecification(new AnyNoteById(Guid.NewGuid())).ToQueryString();
        Assert.That(sql, Does.Contain("WHERE n.id = @id").And.Not.Contain("owner_id ="));
    }

    [Test]
    public void Lifting_query_filters_leaves_any_other_named_filter_on()
    {
        using var db = NotesQueryContext.For(UserId.New(), withPinnedOnlyFilter: true);
        var kept = db.Notes.WithSpecification(new NoteById(Guid.NewGuid())).ToQueryString();
        var lifted = db.Notes.WithSpecification(new AnyNoteById(Guid.NewGuid())).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(kept, Does.Contain("n.owner_id = @ef_filter__CurrentOwnerId").And.Contain("n.is_pinned"));
            Assert.That(lifted, Does.Not.Contain("owner_id =").And.Contain("n.is_pinned"));
        });
    }

    [Test]
    public void Include_and_then_include_become_one_navigation_path()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var sql = db.Tasks.WithSpecification(new TasksWithTheirNoteAndTranscripts()).ToQueryString();
        Assert.That(sql, Does.Contain("FROM notes.tasks AS t\nINNER JOIN (").And.Contain("LEFT JOIN (").And.Contain("FROM notes.transcripts AS t0"));
    }

    [Test]
    public void A_filtered_include_is_refused_rather_than_widened() =>
        Assert.That(() => NotesQueryContext.For(UserId.New()).Notes.WithSpecification(new NotesWithOpenTasks()), Throws.InstanceOf<NotSupportedException>());

    [Test]
    public void A_search_criterion_is_refused_rather_than_dropped() =>
        Assert.That(() => NotesQueryContext.For(UserId.New()).Notes.WithSpecification(new NotesTitledLike("%plan%")), Throws.InstanceOf<NotSupportedException>());

    [Test]
    public void A_selector_reads_only_what_it_selects()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var sql = db.Notes.WithSpecification(new TitlesNewestFirst()).ToQueryString();
        Assert.That(sql, Does.Contain("SELECT n.title\nFROM notes.notes AS n\n").And.Contain("ORDER BY n.recorded_at DESC\nLIMIT @p"));
    }

    private sealed class TasksWithTheirNoteAndTranscripts : Specification<NoteTask>
    {
        public TasksWithTheirNoteAndTranscripts() => Query.Include(t => t.Note).ThenInclude(n => n!.Transcripts);
    }

    private sealed class NotesWithOpenTasks : Specification<Note>
    {
        public NotesWithOpenTasks() => Query.Include(n => n.Tasks.Where(t => !t.IsDone));
    }

    private sealed class NotesTitledLike : Specification<Note>
    {
        public NotesTitledLike(string pattern) => Query.Search(n => n.Title!, pattern);
    }

    private sealed class TitlesNewestFirst : Specification<Note, string?>
    {
        public TitlesNewestFirst()
        {
            Query.OrderByDescending(n => n.RecordedAt).Take(10);
            Query.Select(n => n.Title);
        }
    }
}
