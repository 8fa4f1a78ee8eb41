using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>Issue 12 (docs/decisions/0064): what counts as the database being away, when a worker loop is ready, and the progress throttle.</summary>
public sealed class DatabaseFaultTests
{
    private static readonly Exception Refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [TestCase("08006", true, TestName = "08006 connection failure")]
    [TestCase("08001", true, TestName = "08001 cannot establish")]
    [TestCase("57P01", true, TestName = "57P01 admin shutdown")]
    [TestCase("57P02", true, TestName = "57P02 crash shutdown")]
    [TestCase("57P03", true, TestName = "57P03 cannot connect now")]
    [TestCase("53300", true, TestName = "53300 too many connections")]
    [TestCase("23505", false, TestName = "23505 unique violation")]
    [TestCase("42P01", false, TestName = "42P01 undefined table")]
    [TestCase("40001", false, TestName = "40001 serialization failure")]
    public void A_server_error_is_transient_only_for_connection_class_states(string sqlState, bool transient) =>
        Assert.That(TransientDatabaseFailure.IsTransient(new PostgresException("message", "FATAL", "FATAL", sqlState)), Is.EqualTo(transient));

    [TestCase("40P01", true, TestName = "40P01 deadlock is a concurrency conflict")]
    [TestCase("40001", true, TestName = "40001 serialization failure is a concurrency conflict")]
    [TestCase("23505", false, TestName = "23505 unique violation is not")]
    [TestCase("08006", false, TestName = "08006 connection failure is not")]
    public void A_lost_race_between_transactions_is_a_concurrency_conflict(string sqlState, bool conflict)
    {
        // As it reaches the exception handler: EF's non-retrying strategy wraps the driver's exception.
        var wrapped = new InvalidOperationException("likely due to a transient failure", new PostgresException("message", "ERROR", "ERROR", sqlState));
        Assert.That(TransientDatabaseFailure.IsConcurrencyConflict(wrapped), Is.EqualTo(conflict));
    }

    [Test]
    public void Driver_failures_and_their_wrappers_are_transient()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TransientDatabaseFailure.IsTransient(Refused), Is.True, "no connection");
            Assert.That(TransientDatabaseFailure.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())), Is.True, "broken mid-command");
            Assert.That(TransientDatabaseFailure.IsTransient(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())), Is.True, "pool exhausted");
            Assert.That(TransientDatabaseFailure.IsTransient(new DbUpdateException("saving", Refused)), Is.True, "SaveChanges wraps it");
            Assert.That(TransientDatabaseFailure.IsTransient(new RetryLimitExceededException("gave up", Refused)), Is.True, "a retrying strategy gave up");
            Assert.That(TransientDatabaseFailure.IsTransient(new InvalidOperationException("likely due to a transient failure", Refused)), Is.True, "the non-retrying strategy wraps it");
            Assert.That(TransientDatabaseFailure.IsTransient(new AggregateException(new InvalidOperationException("x"), Refused)), Is.True, "one of several");
        });
    }

    [Test]
    public void Other_failures_stay_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TransientDatabaseFailure.IsTransient(new InvalidOperationException("a bug")), Is.False);
            Assert.That(TransientDatabaseFailure.IsTransient(new TimeoutException("an HTTP call's")), Is.False, "a timeout no driver exception wraps");
            Assert.That(TransientDatabaseFailure.IsTransient(new DbUpdateException("saving", new PostgresException("dup", "ERROR", "ERROR", "23505"))), Is.False);
            Assert.That(TransientDatabaseFailure.IsTransient(null), Is.False);
        });
    }

    [Test]
    public void A_worker_loop_is_ready_while_it_runs_and_claims()
    {
        var stall = TimeSpan.FromSeconds(40);
        JobWorkerStatus Status(JobWorkerLoop loop, TimeSpan sinceTurn, int busy = 0, int failed = 0) =>
            new("Queue", loop, sinceTurn, busy, 2, failed, failed > 0 ? "SocketException: Connection refused" : null, stall);

        Assert.Multiple(() =>
        {
            Assert.That(Status(JobWorkerLoop.Running, TimeSpan.FromSeconds(1)).IsReady, Is.True, "idle and polling");
            Assert.That(Status(JobWorkerLoop.Running, TimeSpan.FromMinutes(5), busy: 2).IsReady, Is.True, "every slot runs a long job");
            Assert.That(Status(JobWorkerLoop.Disabled, TimeSpan.FromHours(1)).IsReady, Is.True, "workers off in this process");

            // What issue 12 reported: slots lost to failed claims, the loop waiting forever with nothing running.
            var stuck = Status(JobWorkerLoop.Running, TimeSpan.FromMinutes(5), busy: 0);
            Assert.That(stuck.IsReady, Is.False, "stuck with a slot free");
            Assert.That(stuck.Describe(), Does.Contain("stuck"));
            Assert.That(Status(JobWorkerLoop.Running, TimeSpan.FromMinutes(5), busy: 1).IsReady, Is.False, "one slot free and no claim for minutes");
            Assert.That(Status(JobWorkerLoop.Ended, TimeSpan.Zero).IsReady, Is.False, "the loop ended");
            Assert.That(Status(JobWorkerLoop.NotStarted, TimeSpan.Zero).IsReady, Is.False);
            var failing = Status(JobWorkerLoop.Running, TimeSpan.FromSeconds(1), failed: 3);
            Assert.That(failing.IsReady, Is.False, "claims failing");
            Assert.That(failing.Describe(), Does.Contain("Connection refused"));
        });
    }

    [Test]
    public void Failed_claims_back_off_from_the_poll_interval_to_a_cap()
    {
        var settings = new JobQueueOptions { PollInterval = TimeSpan.FromMilliseconds(200) };
        var pauses = Enumerable.Range(1, 8).Select(n => JobWorkerService<ModuleDbContext>.ClaimBackoff(n, settings).TotalMilliseconds).ToList();
        Assert.That(pauses, Is.EqualTo(new double[] { 200, 400, 800, 1600, 3200, 5000, 5000, 5000 }));
        Assert.That(
            JobWorkerService<ModuleDbContext>.ClaimBackoff(3, new JobQueueOptions { PollInterval = TimeSpan.FromSeconds(30) }),
            Is.EqualTo(TimeSpan.FromSeconds(30)),
            "never faster than the poll interval");
    }

    [Test]
    public async Task Throttled_progress_writes_the_latest_value_at_most_once_per_interval_and_never_backwards()
    {
        var writes = new List<(TimeSpan At, int Progress)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var job = new JobContext(Guid.NewGuid(), "{}", 1, 5, (_, progress, _) =>
        {
            lock (writes)
            {
                writes.Add((clock.Elapsed, progress));
            }

            return Task.CompletedTask;
        });

        var every = TimeSpan.FromMilliseconds(100);
        await using (var progress = ThrottledProgress.Start(job, "transcribe", 10, every, TimeProvider.System, CancellationToken.None))
        {
            // A report every millisecond or so for about a second, with one that would go back.
            for (var i = 11; i <= 60; i++)
            {
                progress.Report(i);
                progress.Report(i - 5);
                await Task.Delay(20);
            }

            await Task.Delay(every * 3);
        }

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(writes, Has.Count.LessThanOrEqualTo((int)(elapsed / every) + 1), "at most one write per interval");
            Assert.That(writes, Has.Count.GreaterThanOrEqualTo(3), "written as it moved");
            Assert.That(writes.Select(w => w.Progress), Is.Ordered.Ascending.And.Unique, "only changes, never backwards");
            Assert.That(writes[^1].Progress, Is.EqualTo(60), "the latest value is written");
        });
    }
}
