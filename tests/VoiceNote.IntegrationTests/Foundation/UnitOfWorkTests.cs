using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;
using VoiceNote.IntegrationTests.Probe.CreateProbeItem;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>One transaction per command with its outbox rows; the owner filter on owned entities.</summary>
public sealed class UnitOfWorkTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" };

    [Test]
    public async Task A_successful_command_commits_its_row_and_its_event_together()
    {
        await using var scope = CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateProbeItem("committed", 2));

        Assert.That(result.IsSuccess, Is.True);
        var items = await ScalarAsync<long>($"SELECT count(*) FROM probe.items WHERE id = '{result.Value}'");
        var events = await ScalarAsync<long>($"SELECT count(*) FROM probe.outbox_messages WHERE payload->>'itemId' = '{result.Value}'");
        Assert.Multiple(() =>
        {
            Assert.That(items, Is.EqualTo(1));
            Assert.That(events, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_command_that_fails_after_writing_leaves_neither_row_nor_event()
    {
        await using var scope = CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateProbeItem(CreateProbeItemHandler.FailAfterWrite, 1));

        Assert.That(result.Error.Code, Is.EqualTo("probe.refused"));
        var items = await ScalarAsync<long>($"SELECT count(*) FROM probe.items WHERE display_name = '{CreateProbeItemHandler.FailAfterWrite}'");
        var events = await ScalarAsync<long>($"SELECT count(*) FROM probe.outbox_messages WHERE payload->>'displayName' = '{CreateProbeItemHandler.FailAfterWrite}'");
        Assert.Multiple(() =>
        {
            Assert.That(items, Is.Zero);
            Assert.That(events, Is.Zero);
        });
    }

    [Test]
    public async Task An_invalid_command_is_refused_before_its_handler_runs()
    {
        await using var scope = CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateProbeItem(string.Empty, 0));

        Assert.That(result.Error, Is.InstanceOf<VoiceNote.Domain.Results.ValidationError>());
        var fields = ((VoiceNote.Domain.Results.ValidationError)result.Error).FieldErrors.Keys;
        Assert.That(fields, Is.EquivalentTo(new[] { "displayName", "count" }));
    }

    [Test]
    public async Task The_owner_filter_shows_each_user_only_their_own_rows()
    {
        var alice = UserId.New();
        var bob = UserId.New();
        await using var scope = CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<ProbeDbContext>>();
        var clock = TimeProvider.System;
        await using (var writer = new ProbeDbContext(options, new StaticCurrentUser(null), clock))
        {
            writer.Items.AddRange(
                new ProbeItem { Id = Guid.NewGuid(), OwnerId = alice, DisplayName = "alice-1", Count = 1 },
                new ProbeItem { Id = Guid.NewGuid(), OwnerId = alice, DisplayName = "alice-2", Count = 1 },
                new ProbeItem { Id = Guid.NewGuid(), OwnerId = bob, DisplayName = "bob-1", Count = 1 });
            await writer.SaveChangesAsync();
        }

        await using var asAlice = new ProbeDbContext(options, new StaticCurrentUser(alice), clock);
        await using var asNobody = new ProbeDbContext(options, new StaticCurrentUser(null), clock);
        var aliceSees = await asAlice.Items.Select(i => i.DisplayName).OrderBy(n => n).ToListAsync();
        var nobodySees = await asNobody.Items.CountAsync();
        var unfiltered = await asNobody.Items.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).CountAsync(i => i.OwnerId == alice || i.OwnerId == bob);

        Assert.Multiple(() =>
        {
            Assert.That(aliceSees, Is.EqualTo(new[] { "alice-1", "alice-2" }));
            Assert.That(nobodySees, Is.Zero);
            Assert.That(unfiltered, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Module_tables_live_in_the_module_schema_with_snake_case_names()
    {
        var columns = await ScalarAsync<string>(
            "SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_schema = 'probe' AND table_name = 'items'");
        Assert.That(columns, Is.EqualTo("count,display_name,id,owner_id"));
    }
}
