using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceNote.Modules.Notes.Application.Search.Reembed;

/// <summary>What an admin sees of the re-embedding in this process.</summary>
internal sealed record ReembedStatusDto(string State, string? Model, int Total, int Done, int Embedded, int Failed, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);

/// <summary>
/// Runs one re-embedding at a time in the background of the API process, for the admin endpoint
/// (docs/decisions/0072). Its state is this process's memory; the work itself is durable, because a
/// run started again (here or by the CLI verb) skips every note already done.
/// </summary>
internal sealed class ReembedRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ReembedRunner> logger)
{
    private readonly Lock _gate = new();
    private ReembedStatusDto _status = new("Idle", null, 0, 0, 0, 0, null, null, null);
    private Task? _run;

    public ReembedStatusDto Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Starts a run unless one is going; the status either way.</summary>
    public ReembedStatusDto Start()
    {
        lock (_gate)
        {
            if (_run is { IsCompleted: false })
            {
                return _status;
            }

            _status = new ReembedStatusDto("Running", null, 0, 0, 0, 0, clock.GetUtcNow(), null, null);
            _run = Task.Run(RunAsync);
            return _status;
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var final = await scope.ServiceProvider.GetRequiredService<ReembedAllNotes>().RunAsync(
                p =>
                {
                    Update(s => s with { Model = p.Model, Total = p.Total, Done = p.Done, Embedded = p.Embedded, Failed = p.Failed });
                    return Task.CompletedTask;
                },
                lifetime.ApplicationStopping);
            Update(s => s with { State = "Completed", FinishedAt = clock.GetUtcNow() });
            logger.LogInformation("Re-embedded {Embedded} of {Total} notes with {Model} ({Failed} failed).", final.Embedded, final.Total, final.Model, final.Failed);
        }
        catch (OperationCanceledException)
        {
            Update(s => s with { State = "Stopped", FinishedAt = clock.GetUtcNow() });
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Re-embedding stopped.");
            Update(s => s with { State = "Failed", FinishedAt = clock.GetUtcNow(), Error = "The re-embedding stopped on an error; start it again to continue." });
        }
    }

    private void Update(Func<ReembedStatusDto, ReembedStatusDto> change)
    {
        lock (_gate)
        {
            _status = change(_status);
        }
    }
}
