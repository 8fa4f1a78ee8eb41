using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

/// <summary>
/// What a command does to files on disk, tied to the outcome of its transaction (docs/decisions/0050):
/// a step that must follow the rows (deleting a recording's file) runs once they are committed; a step
/// taken ahead of them (placing or moving a file) is undone unless they are. So a row never points at a
/// file that is gone, whether the command fails, throws, or its commit does. One per scope, watching that
/// scope's DbContext.
/// </summary>
internal sealed class FileSteps : DbTransactionInterceptor, IDisposable
{
    private readonly List<Action> _afterCommit = [];
    private readonly List<Action> _undo = [];

    /// <summary>Runs <paramref name="step"/> after the transaction commits; never when it does not.</summary>
    public void AfterCommit(Action step) => _afterCommit.Add(step);

    /// <summary>Runs <paramref name="step"/> when the transaction rolls back, fails, or is abandoned; never after a commit.</summary>
    public void UndoUnlessCommitted(Action step) => _undo.Add(step);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Finish(_afterCommit);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(_afterCommit);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Finish(_undo);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(_undo);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Finish(_undo);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(_undo);
        return Task.CompletedTask;
    }

    /// <summary>The scope ends: a transaction abandoned by an exception (disposed, never committed) is undone here.</summary>
    public void Dispose() => Finish(_undo);

    private void Finish(List<Action> steps)
    {
        Action[] run = [.. steps];
        _afterCommit.Clear();
        _undo.Clear();
        foreach (var step in run)
        {
            step();
        }
    }
}
