using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.AudioProcessing.Storage;

/// <summary>
/// File steps follow the real transaction of the module's DbContext: what must come after the rows runs
/// only once they commit, what was done ahead of them is undone unless they do (docs/decisions/0050).
/// </summary>
public sealed class FileStepsTests : DatabaseFixture
{
    [Test]
    public async Task A_commit_runs_the_steps_after_it_and_drops_the_undo()
    {
        var ran = new List<string>();
        await using var scope = CreateScope();
        var (db, steps) = Of(scope);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            steps.AfterCommit(() => ran.Add("delete the file"));
            steps.UndoUnlessCommitted(() => ran.Add("move the file back"));
            await db.Jobs.CountAsync();
            Assert.That(ran, Is.Empty, "nothing runs before the outcome is known");
            await transaction.CommitAsync();
        }

        Assert.That(ran, Is.EqualTo(new[] { "delete the file" }));
    }

    [Test]
    public async Task A_rollback_undoes_and_never_runs_the_steps_after_a_commit()
    {
        var ran = new List<string>();
        await using var scope = CreateScope();
        var (db, steps) = Of(scope);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            steps.AfterCommit(() => ran.Add("delete the file"));
            steps.UndoUnlessCommitted(() => ran.Add("move the file back"));
            await transaction.RollbackAsync();
        }

        await using (var next = await db.Database.BeginTransactionAsync())
        {
            await next.CommitAsync();
        }

        Assert.That(ran, Is.EqualTo(new[] { "move the file back" }), "and a later commit in the same scope runs nothing left over");
    }

    [Test]
    public async Task A_transaction_abandoned_by_an_exception_is_undone_when_its_scope_ends()
    {
        var ran = new List<string>();
        await using (var scope = CreateScope())
        {
            var (db, steps) = Of(scope);
            var transaction = await db.Database.BeginTransactionAsync();
            steps.AfterCommit(() => ran.Add("delete the file"));
            steps.UndoUnlessCommitted(() => ran.Add("move the file back"));
            await transaction.DisposeAsync();
            Assert.That(ran, Is.Empty);
        }

        Assert.That(ran, Is.EqualTo(new[] { "move the file back" }));
    }

    private static (AudioProcessingDbContext Db, FileSteps Steps) Of(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<AudioProcessingDbContext>(), scope.ServiceProvider.GetRequiredService<FileSteps>());
}
