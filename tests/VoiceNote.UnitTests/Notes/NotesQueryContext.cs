using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.UnitTests.Notes;

/// <summary>
/// A Notes context that is never connected: <c>ToQueryString()</c> shows the SQL a specification and a
/// projection produce, which is what these tests pin down.
/// </summary>
internal static class NotesQueryContext
{
    /// <param name="withPinnedOnlyFilter">Adds a second named filter (pinned notes only), to tell lifting one filter from lifting all.</param>
    public static NotesDbContext For(UserId? caller, bool withPinnedOnlyFilter = false)
    {
        var options = new DbContextOptionsBuilder<NotesDbContext>().UseNpgsql("Host=127.0.0.1;Database=never_opened");
        if (withPinnedOnlyFilter)
        {
            // A model of its own: EF caches models per context type unless the key says otherwise.
            options.ReplaceService<IModelCustomizer, PinnedOnlyCustomizer>().ReplaceService<IModelCacheKeyFactory, PinnedOnlyCacheKey>();
        }

        return new NotesDbContext(options.Options, new Caller(caller), TimeProvider.System);
    }

#pragma warning disable EF1001 // ModelCustomizer and its dependencies are EF's internal API; a test may lean on them.
    private sealed class PinnedOnlyCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Note>().HasQueryFilter("pinned_only", n => n.IsPinned);
        }
    }
#pragma warning restore EF1001

    private sealed class PinnedOnlyCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), "pinned_only", designTime);
    }

    private sealed class Caller(UserId? id) : ICurrentUser
    {
        public bool IsAuthenticated => id is not null;

        public UserId Id => id ?? throw new InvalidOperationException("nobody");

        public UserId? IdOrNull => id;

        public Guid? SessionId => null;

        public string? PartnerClientId => null;

        public bool HasScope(string scope) => id is not null;

        public bool HasPermission(string permission) => false;
    }
}
