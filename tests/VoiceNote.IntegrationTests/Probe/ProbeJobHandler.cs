using System.Text.Json;
using VoiceNote.Application.Jobs;

namespace VoiceNote.IntegrationTests.Probe;

/// <summary>A job that fails its first N attempts (retryably) when told to, reports a stage, then succeeds.</summary>
internal sealed class ProbeJobHandler : IJobHandler
{
    public const string JobKind = "probe.echo";

    public string Kind => JobKind;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var failFirst = JsonDocument.Parse(job.Payload).RootElement.TryGetProperty("failFirst", out var n) ? n.GetInt32() : 0;
        await job.ReportAsync("working", 50, cancellationToken);
        return job.Attempt <= failFirst ? JobOutcome.Retry($"told to fail attempt {job.Attempt}") : JobOutcome.Done;
    }
}
