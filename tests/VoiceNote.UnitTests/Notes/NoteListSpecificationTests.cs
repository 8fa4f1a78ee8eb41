using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Admin.ListAllNotes;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.ListNotes;
using VoiceNote.Modules.Notes.Application.Tasks.MyTasks;

namespace VoiceNote.UnitTests.Notes;

/// <summary>
/// The note-list specifications keep the keyset SQL of docs/decisions/0023: the conditions and orders
/// below are the ones the lists produced before they became specifications, so the per-owner indexes
/// still range-scan from the cursor. The projection reads the list's columns and counts tasks in SQL.
/// </summary>
public sealed class NoteListSpecificationTests
{
    private static readonly NoteFilter Default = new();

    [TestCase("Newest", "(n.recorded_at, n.id) < (@at, @id)", "ORDER BY n.recorded_at DESC, n.id DESC")]
    [TestCase("Oldest", "(n.recorded_at, n.id) > (@at, @id)", "ORDER BY n.recorded_at, n.id")]
    [TestCase("Updated", "(n.updated_at, n.id) < (@at, @id)", "ORDER BY n.updated_at DESC, n.id DESC")]
    [TestCase("Priority", "(n.priority, n.recorded_at, n.id) < (@priority, @at, @id)", "ORDER BY n.priority DESC, n.recorded_at DESC, n.id DESC")]
    public void A_later_page_starts_after_the_cursor_in_the_sort_order(string sortName, string keyset, string order)
    {
        var sort = Enum.Parse<NoteSort>(sortName);
        using var db = NotesQueryContext.For(UserId.New());
        var cursor = new NoteCursor(sort, DateTimeOffset.UnixEpoch, 2, Guid.Empty);
        var sql = ListSql(db, new NotesOfOwnerPage(Default, sort, cursor, 20));

        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.Contain($"WHERE n.owner_id = @ef_filter__CurrentOwnerId0 AND n.is_deleted = @filter_Deleted AND n.is_archived = @a AND {keyset}\n"));
            Assert.That(sql, Does.Contain($"\n{order}\nLIMIT @p"));
        });
    }

    [Test]
    public void The_first_page_has_no_keyset_condition_and_the_count_no_order()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var page = ListSql(db, new NotesOfOwnerPage(Default, NoteSort.Newest, null, 20));
        var count = db.Notes.WithSpecification(new NotesOfOwner(Default)).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("WHERE n.owner_id = @ef_filter__CurrentOwnerId0 AND n.is_deleted = @filter_Deleted AND n.is_archived = @a\nORDER BY"));
            Assert.That(count, Does.Not.Contain("ORDER BY").And.Not.Contain("LIMIT").And.Not.Contain("(n.recorded_at, n.id)"));
        });
    }

    [Test]
    public void Every_filter_becomes_a_condition_in_order()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var filter = new NoteFilter(Modules.Notes.Domain.NoteStatus.Done, Modules.Notes.Domain.NotePriority.High, true, false, null, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), true);
        var sql = ListSql(db, new NotesOfOwnerPage(filter, NoteSort.Newest, null, 20));

        Assert.That(sql, Does.Contain(
            "n.is_deleted = @filter_Deleted AND n.is_archived = @a AND n.status = @status AND n.priority = @priority AND n.is_pinned = @pinned "
            + "AND n.is_liked = @liked AND n.recorded_at >= @from AND n.recorded_at < @to AND EXISTS ("));
    }

    [Test]
    public void The_list_projection_reads_the_list_columns_and_counts_open_tasks_in_sql()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var sql = ListSql(db, new NotesOfOwnerPage(Default, NoteSort.Newest, null, 20));

        Assert.Multiple(() =>
        {
            // Count() the method: one COUNT(*) subquery per row, never the task rows themselves.
            Assert.That(sql, Does.Contain("SELECT count(*)::int\n    FROM notes.tasks AS t"));
            Assert.That(sql, Does.Not.Contain("JOIN"));
            Assert.That(sql, Does.Contain("substring(n.summary, 1, LEAST(length(n.summary)::int, 280))"));
            foreach (var column in new[] { "search_transcripts", "key_moments", "processing_options", "content_hash", "embedding", "document_urls" })
            {
                Assert.That(sql, Does.Not.Contain(column));
            }
        });
    }

    [Test]
    public void The_admin_list_sees_every_owner_unless_one_is_named()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var cursor = new NoteCursor(NoteSort.Newest, DateTimeOffset.UnixEpoch, 2, Guid.Empty);
        var everyone = db.Notes.WithSpecification(new AllNotesPage(null, null, null, cursor, 20)).ProjectToType<AdminNoteListItem>(NotesMappings.Config).ToQueryString();
        var one = db.Notes.WithSpecification(new AllNotesPage(Guid.NewGuid(), true, null, null, 20)).ProjectToType<AdminNoteListItem>(NotesMappings.Config).ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(everyone, Does.Contain("WHERE (n.recorded_at, n.id) < (@at, @id)\nORDER BY n.recorded_at DESC, n.id DESC\nLIMIT @p"));
            Assert.That(everyone, Does.Not.Contain("ef_filter"));
            Assert.That(one, Does.Contain("WHERE n.owner_id = @id AND n.is_deleted = @d\nORDER BY"));
            Assert.That(one, Does.Not.Contain("ef_filter"));
        });
    }

    [Test]
    public void Task_views_filter_the_deadline_window_and_order_by_deadline_or_by_completion()
    {
        using var db = NotesQueryContext.For(UserId.New());
        var today = db.Tasks.WithSpecification(new TasksInViewPage(TaskView.Today, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), null, 50))
            .ProjectToType<MyTaskDto>(NotesMappings.Config).ToQueryString();
        var done = db.Tasks.WithSpecification(new TasksInViewPage(TaskView.Done, null, null, null, 50)).ProjectToType<MyTaskDto>(NotesMappings.Config).ToQueryString();
        var todayLater = db.Tasks.WithSpecification(new TasksInViewPage(TaskView.Today, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), new TaskViewPosition(TaskView.Today, DateTimeOffset.UnixEpoch, 1, Guid.NewGuid()), 50))
            .ToQueryString();
        var doneLater = db.Tasks.WithSpecification(new TasksInViewPage(TaskView.Done, null, null, new TaskViewPosition(TaskView.Done, DateTimeOffset.UnixEpoch, 1, Guid.NewGuid()), 50))
            .ToQueryString();

        Assert.Multiple(() =>
        {
            Assert.That(today, Does.Contain("NOT (t.is_deleted) AND NOT (n0.is_deleted) AND NOT (t.is_done) AND t.deadline >= @from AND t.deadline < @to\nORDER BY t.deadline, t.priority DESC, t.id DESC\nLIMIT @p"));
            Assert.That(todayLater, Does.Match(@"t\.deadline > @\w+ OR \(t\.deadline = @\w+ AND \(t\.priority, t\.id\) < \(@\w+, @\w+\)\)"), "after the cursor: a later deadline, or the same and a lower (priority, id)");
            Assert.That(doneLater, Does.Match(@"\(t\.done_at, t\.id\) < \(@\w+, @\w+\)"));
            Assert.That(done, Does.Contain("NOT (t.is_deleted) AND NOT (n0.is_deleted) AND t.is_done\nORDER BY t.done_at DESC, t.id DESC\nLIMIT @p"));
            Assert.That(done, Does.Contain("n0.title").And.Not.Contain("source_key"));
        });
    }

    private static string ListSql(Modules.Notes.Infrastructure.Persistence.NotesDbContext db, NotesOfOwnerPage page) =>
        db.Notes.WithSpecification(page).ProjectToType<NoteListItem>(NotesMappings.Config).ToQueryString();
}
