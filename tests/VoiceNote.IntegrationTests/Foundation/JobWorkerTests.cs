using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>The worker inside the API host runs queued jobs to completion, retrying failures.</summary>
public sealed class JobWorkerTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:BaseRetryDelay"] = "00:00:00.100" };

    [Test]
    public async Task The_hosted_worker_completes_a_job_after_its_retries()
    {
        Guid id;
        await using (var scope = CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            id = Api.Services.GetRequiredService<JobQueue<ProbeDbContext>>().Enqueue(db, ProbeJobHandler.JobKind, new { failFirst = 2 }, ownerId: null).Id;
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var status = string.Empty;
        while (DateTime.UtcNow < deadline && (status = await ScalarAsync<string>($"SELECT status FROM probe.jobs WHERE id = '{id}'")) != "Completed")
        {
            await Task.Delay(100);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo("Completed"));
            Assert.That(await ScalarAsync<int>($"SELECT attempts FROM probe.jobs WHERE id = '{id}'"), Is.EqualTo(3));
            Assert.That(await ScalarAsync<string>($"SELECT stage FROM probe.jobs WHERE id = '{id}'"), Is.EqualTo("working"));
            Assert.That(await ScalarAsync<int>($"SELECT progress FROM probe.jobs WHERE id = '{id}'"), Is.EqualTo(100));
        });
    }
}
