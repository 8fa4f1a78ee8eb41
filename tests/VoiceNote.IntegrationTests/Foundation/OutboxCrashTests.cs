using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Application.Messaging;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;
using VoiceNote.IntegrationTests.Probe.CreateProbeItem;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>
/// The dispatcher's connection is killed after the handler did its work but before the outbox row
/// was marked: the row comes back, and the inbox keeps the handler from running a second time.
/// </summary>
public sealed class OutboxCrashTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" };

    [Test]
    public async Task A_crash_between_delivery_and_marking_still_has_exactly_one_effect()
    {
        Guid itemId;
        await using (var scope = CreateScope())
        {
            itemId = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateProbeItem("crash-me", 1))).Value;
        }

        var script = Api.Services.GetRequiredService<ProbeHandlerScript>();
        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        script.AfterWork = _ => KillOutboxClaimantAsync();

        Assert.That(async () => await dispatcher.DispatchOnceAsync(CancellationToken.None), Throws.InstanceOf<Exception>(), "the dispatcher lost its connection");
        Assert.Multiple(async () =>
        {
            Assert.That(await EffectsFor(itemId), Is.EqualTo(1), "the handler's own transaction committed");
            Assert.That(await ProcessedFor(itemId), Is.False, "the mark was lost with the dispatcher's transaction");
        });

        script.AfterWork = null;
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(script.Runs, Is.EqualTo(1), "the inbox skipped the handler on redelivery");
            Assert.That(await EffectsFor(itemId), Is.EqualTo(1));
            Assert.That(await ProcessedFor(itemId), Is.True);
        });
    }

    private Task<long> EffectsFor(Guid itemId) => ScalarAsync<long>($"SELECT count(*) FROM probe.effects WHERE item_id = '{itemId}'");

    private Task<bool> ProcessedFor(Guid itemId) =>
        ScalarAsync<bool>($"SELECT processed_at IS NOT NULL FROM probe.outbox_messages WHERE payload->>'itemId' = '{itemId}'");

    /// <summary>Terminates the backend that holds the row locks on the outbox: the dispatcher's claim transaction.</summary>
    private async Task KillOutboxClaimantAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l
            WHERE l.relation = 'probe.outbox_messages'::regclass AND l.mode = 'RowShareLock'
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.pid <> pg_backend_pid()
            """,
            connection);
        var killed = (long)(await kill.ExecuteScalarAsync())!;
        Assert.That(killed, Is.EqualTo(1), "exactly one dispatcher transaction held the outbox");
    }
}
