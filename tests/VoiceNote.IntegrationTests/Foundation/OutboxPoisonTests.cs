using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Messaging;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;
using VoiceNote.IntegrationTests.Probe.CreateProbeItem;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>A handler that always fails: the message is retried with backoff, then parked with its error, never deleted.</summary>
public sealed class OutboxPoisonTests : DatabaseFixture
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
        ["Outbox:MaxAttempts"] = "3",
        ["Outbox:BaseRetryDelay"] = "00:00:10",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    [Test]
    public async Task A_poison_message_is_retried_with_backoff_then_parked_with_its_error()
    {
        Guid itemId;
        await using (var scope = CreateScope())
        {
            itemId = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateProbeItem("poison", 1))).Value;
        }

        var script = Api.Services.GetRequiredService<ProbeHandlerScript>();
        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        script.AlwaysFail = true;
        var where = $"payload->>'itemId' = '{itemId}'";

        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.That(await ScalarAsync<int>($"SELECT attempts FROM probe.outbox_messages WHERE {where}"), Is.EqualTo(1));

        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.That(script.Runs, Is.EqualTo(1), "not retried before its backoff has passed");

        _clock.Advance(TimeSpan.FromSeconds(11));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(21));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(script.Runs, Is.EqualTo(3));
            Assert.That(await ScalarAsync<int>($"SELECT attempts FROM probe.outbox_messages WHERE {where}"), Is.EqualTo(3));
            Assert.That(await ScalarAsync<bool>($"SELECT parked_at IS NOT NULL AND processed_at IS NULL FROM probe.outbox_messages WHERE {where}"), Is.True);
            Assert.That(await ScalarAsync<string>($"SELECT last_error FROM probe.outbox_messages WHERE {where}"), Does.Contain("probe handler told to fail"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM probe.effects WHERE item_id = '{itemId}'"), Is.Zero, "failed runs left no effect");
        });
    }
}
