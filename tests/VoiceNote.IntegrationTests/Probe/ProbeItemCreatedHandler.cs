using VoiceNote.Application.IntegrationEvents;

namespace VoiceNote.IntegrationTests.Probe;

/// <summary>Records one effect row per run; the script lets a test make it fail or "crash" its dispatcher.</summary>
internal sealed class ProbeItemCreatedHandler(ProbeDbContext db, ProbeHandlerScript script) : IIntegrationEventHandler<ProbeItemCreated>
{
    public async Task Handle(ProbeItemCreated integrationEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref script.Runs);
        if (script.AlwaysFail)
        {
            throw new InvalidOperationException("probe handler told to fail");
        }

        db.Effects.Add(new ProbeEffect { Id = Guid.NewGuid(), EventId = integrationEvent.Id, ItemId = integrationEvent.ItemId });
        if (script.AfterWork is { } afterWork)
        {
            await afterWork(cancellationToken);
        }
    }
}

/// <summary>Per-host knobs for the probe handler (a singleton in each test host).</summary>
internal sealed class ProbeHandlerScript
{
    public int Runs;

    public bool AlwaysFail { get; set; }

    /// <summary>Runs inside the handler after its work, before the inbox transaction commits.</summary>
    public Func<CancellationToken, Task>? AfterWork { get; set; }
}
