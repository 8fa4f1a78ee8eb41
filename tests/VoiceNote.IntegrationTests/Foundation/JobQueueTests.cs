using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>The durable queue's rules, driven by hand with a fake clock: exclusive claims, leases, backoff, dead jobs, cancel, retention.</summary>
public sealed class JobQueueTests : DatabaseFixture
{
    private static readonly string[] Kinds = [ProbeJobHandler.JobKind];
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Jobs:LeaseDuration"] = "00:00:30",
        ["Jobs:BaseRetryDelay"] = "00:00:10",
    };

    private JobQueue<ProbeDbContext> Queue => Api.Services.GetRequiredService<JobQueue<ProbeDbContext>>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    // The claims and the retention count every job in the database, so each test starts from none.
    [SetUp]
    public Task StartEmpty() => ResetDatabaseAsync();

    [Test]
    public async Task Concurrent_workers_never_claim_the_same_job()
    {
        var ids = await EnqueueAsync(40);
        var claimed = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            while (await Queue.ClaimAsync($"worker-{worker}", Kinds, CancellationToken.None) is { } job)
            {
                claimed.Add(job.Id);
            }
        })));

        Assert.That(claimed, Is.EquivalentTo(ids), "every job claimed exactly once");
    }

    [Test]
    public async Task A_job_whose_worker_stopped_is_claimed_again_after_its_lease_and_the_old_worker_cannot_finish_it()
    {
        var id = (await EnqueueAsync(1)).Single();
        var first = await Queue.ClaimAsync("dead-worker", Kinds, CancellationToken.None);
        Assert.That(await Queue.ClaimAsync("other", Kinds, CancellationToken.None), Is.Null, "leased: nobody else gets it");

        _clock.Advance(TimeSpan.FromSeconds(31));
        var second = await Queue.ClaimAsync("new-worker", Kinds, CancellationToken.None);
        Assert.That(second?.Id, Is.EqualTo(id));
        Assert.That(second!.Attempt, Is.EqualTo(2));

        await Queue.FinishAsync(first!, "dead-worker", JobOutcome.Done, cancelled: false, CancellationToken.None);
        Assert.That(await StatusOf(id), Is.EqualTo("Processing"), "a worker that lost its lease changes nothing");
        Assert.That(await Queue.HeartbeatAsync(id, "dead-worker", CancellationToken.None), Is.Null);

        await Queue.FinishAsync(second, "new-worker", JobOutcome.Done, cancelled: false, CancellationToken.None);
        Assert.That(await StatusOf(id), Is.EqualTo("Completed"));
    }

    [Test]
    public async Task A_failing_job_is_retried_with_backoff_then_failed_with_its_reason()
    {
        var id = (await EnqueueAsync(1, maxAttempts: 3)).Single();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var job = await Queue.ClaimAsync("w", Kinds, CancellationToken.None);
            Assert.That(job?.Attempt, Is.EqualTo(attempt));
            await Queue.FinishAsync(job!, "w", JobOutcome.Retry($"engine down {attempt}"), cancelled: false, CancellationToken.None);
            Assert.That(await Queue.ClaimAsync("w", Kinds, CancellationToken.None), Is.Null, "not before its backoff");
            _clock.Advance(TimeSpan.FromSeconds(10 * Math.Pow(2, attempt - 1) + 1));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await StatusOf(id), Is.EqualTo("Failed"));
            Assert.That(await ScalarAsync<string>($"SELECT error FROM probe.jobs WHERE id = '{id}'"), Is.EqualTo("engine down 3"));
            Assert.That(await Queue.ClaimAsync("w", Kinds, CancellationToken.None), Is.Null);
        });

        Assert.That(await Queue.RetryAsync(id, CancellationToken.None), Is.True, "an operator may retry a failed job");
        Assert.That((await Queue.ClaimAsync("w", Kinds, CancellationToken.None))?.Attempt, Is.EqualTo(1));
    }

    [Test]
    public async Task A_job_that_keeps_losing_its_worker_dies_instead_of_looping()
    {
        var id = (await EnqueueAsync(1, maxAttempts: 2)).Single();
        await Queue.ClaimAsync("a", Kinds, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Queue.ClaimAsync("b", Kinds, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(await Queue.ClaimAsync("c", Kinds, CancellationToken.None), Is.Null);
        Assert.Multiple(async () =>
        {
            Assert.That(await StatusOf(id), Is.EqualTo("Failed"));
            Assert.That(await ScalarAsync<string>($"SELECT error FROM probe.jobs WHERE id = '{id}'"), Does.Contain("stopped responding"));
        });
    }

    [Test]
    public async Task Cancel_stops_a_pending_job_at_once_and_a_running_one_at_its_heartbeat()
    {
        var ids = await EnqueueAsync(2);
        var running = await Queue.ClaimAsync("w", Kinds, CancellationToken.None);
        var pending = ids.Single(i => i != running!.Id);

        Assert.That(await Queue.CancelAsync(pending, CancellationToken.None), Is.True);
        Assert.That(await StatusOf(pending), Is.EqualTo("Cancelled"));

        Assert.That(await Queue.CancelAsync(running!.Id, CancellationToken.None), Is.True);
        Assert.That(await Queue.HeartbeatAsync(running.Id, "w", CancellationToken.None), Is.True, "the worker learns of it");
        await Queue.FinishAsync(running, "w", JobOutcome.Retry("interrupted"), cancelled: true, CancellationToken.None);
        Assert.That(await StatusOf(running.Id), Is.EqualTo("Cancelled"));
        Assert.That(await Queue.CancelAsync(running.Id, CancellationToken.None), Is.False, "a finished job cannot be cancelled");
    }

    [Test]
    public async Task Finished_jobs_are_purged_after_the_retention_and_not_before()
    {
        var ids = await EnqueueAsync(2);
        var done = await Queue.ClaimAsync("w", Kinds, CancellationToken.None);
        await Queue.FinishAsync(done!, "w", JobOutcome.Done, cancelled: false, CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(11));
        Assert.That(await Queue.PurgeFinishedAsync(TimeSpan.FromHours(12), CancellationToken.None), Is.Zero);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.That(await Queue.PurgeFinishedAsync(TimeSpan.FromHours(12), CancellationToken.None), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM probe.jobs"), Is.EqualTo(1), "the pending job stays");
        Assert.That(ids, Does.Contain(done!.Id));
    }

    [Test]
    public async Task An_owner_with_nothing_running_goes_before_one_with_a_backlog()
    {
        Guid busy = Guid.NewGuid(), quiet = Guid.NewGuid();
        var backlog = await EnqueueAsync(5, owner: busy);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var late = (await EnqueueAsync(1, owner: quiet)).Single();

        var first = await Queue.ClaimAsync("w1", Kinds, CancellationToken.None);
        var second = await Queue.ClaimAsync("w2", Kinds, CancellationToken.None);
        var third = await Queue.ClaimAsync("w3", Kinds, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(backlog, Does.Contain(first?.Id), "nobody runs anything: the oldest jobs first");
            Assert.That(second?.Id, Is.EqualTo(late), "the busy owner runs one, the quiet one none: the quiet owner's job, though newer");
            Assert.That(backlog, Does.Contain(third?.Id), "one each: the oldest again");
        });
    }

    private async Task<List<Guid>> EnqueueAsync(int count, int maxAttempts = 5, Guid? owner = null)
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var ids = Enumerable.Range(0, count).Select(i => Queue.Enqueue(db, ProbeJobHandler.JobKind, new { n = i }, owner, maxAttempts).Id).ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    private Task<string> StatusOf(Guid id) => ScalarAsync<string>($"SELECT status FROM probe.jobs WHERE id = '{id}'");
}
