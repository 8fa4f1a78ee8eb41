using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Mapping;
using VoiceNote.Domain.Primitives;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.Identity.Application.Admins.Common;
using VoiceNote.Modules.Identity.Application.ApiKeys;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.ListNotes;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Read use cases project with Mapster inside the query (docs/decisions/0003): the SQL EF sends reads the
/// DTO's columns only. Each check has its control — the same rows read as entities do read the large
/// columns — so a projection that quietly loaded whole rows would fail here.
/// </summary>
public sealed class ListProjectionTests : DatabaseFixture
{
    private static readonly string[] NoteColumnsAListNeverReads = ["search_transcripts", "key_moments", "processing_options", "content_hash", "embedding"];

    [Test]
    public async Task A_note_list_reads_its_columns_only_and_the_rows_match_the_notes()
    {
        var owner = await this.CreateAccountAsync("projector");
        using var client = this.ClientFor(owner);
        var summary = string.Concat(Enumerable.Repeat("A long summary that goes on. ", 20));
        var id = (await client.CreateNoteAsync(new
        {
            title = "Projected",
            summary,
            transcripts = new[] { new { engine = "LOCAL", text = string.Concat(Enumerable.Repeat("a long transcript ", 200)) } },
        })).Id();
        await client.CreateTaskAsync(id, new { description = "open one" });
        await client.CreateTaskAsync(id, new { description = "open two" });

        await using var scope = CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<NotesDbContext>>();
        await using var db = new NotesDbContext(options, new StaticCurrentUser(new UserId(owner.UserId)), TimeProvider.System);
        var page = db.Notes.WithSpecification(new NotesOfOwnerPage(new NoteFilter(), NoteSort.Newest, null, 20)).ProjectToType<NoteListItem>(NotesMappings.Config);
        var sql = page.ToQueryString();
        var entitySql = db.Notes.WithSpecification(new NotesOfOwnerPage(new NoteFilter(), NoteSort.Newest, null, 20)).ToQueryString();
        var item = (await page.ToListAsync()).Single();

        Assert.Multiple(() =>
        {
            foreach (var column in NoteColumnsAListNeverReads)
            {
                Assert.That(sql, Does.Not.Contain(column), $"the list projection reads {column}");
            }

            Assert.That(entitySql, Does.Contain("search_transcripts").And.Contain("key_moments"), "control: an entity read does read them");
            Assert.That(item.Id, Is.EqualTo(id));
            Assert.That(item.Summary, Is.EqualTo(summary[..ListNotesHandler.SummaryExcerptLength]));
            Assert.That(item.OpenTaskCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Account_and_key_lists_never_read_hashes_stamps_or_ciphertext()
    {
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var users = db.Users.WithSpecification(new UserById(Guid.NewGuid()));
        var userSql = users.ProjectToType<AdminUserDto>(IdentityMappings.Config).ToQueryString();
        var ownerSql = users.ProjectToType<UserDto>(IdentityMappings.Config).ToQueryString();
        var keySql = db.ApiKeys.ProjectToType<ApiKeyDto>(IdentityMappings.Config).ToQueryString();

        Assert.Multiple(() =>
        {
            foreach (var sql in new[] { userSql, ownerSql })
            {
                Assert.That(sql, Does.Not.Contain("password_hash").And.Not.Contain("security_stamp").And.Not.Contain("concurrency_stamp"));
            }

            Assert.That(users.ToQueryString(), Does.Contain("password_hash"), "control: an entity read does read the hash");
            Assert.That(keySql, Does.Not.Contain("ciphertext"));
            Assert.That(db.ApiKeys.ToQueryString(), Does.Contain("ciphertext"), "control: an entity read does read the ciphertext");
        });
    }

    [Test]
    public void Every_module_with_mappings_registered_a_validated_config_at_start_up() =>
        Assert.That(Api.Services.GetServices<ModuleMapping>().Select(m => m.Module), Is.SupersetOf(new[] { "AudioProcessing", "Identity", "Notes" }));
}
