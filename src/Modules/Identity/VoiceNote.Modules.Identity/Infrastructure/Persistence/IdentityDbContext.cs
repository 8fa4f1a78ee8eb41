using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence;

/// <summary>The Identity module's data, in the <c>identity</c> schema.</summary>
internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : ModuleDbContext(options, currentUser, clock)
{
    public const string SchemaName = "identity";

    public override string Schema => SchemaName;

    public DbSet<User> Users => Set<User>();

    public DbSet<UserProfile> Profiles => Set<UserProfile>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<OAuthClient> OAuthClients => Set<OAuthClient>();

    public DbSet<StoredApiKey> ApiKeys => Set<StoredApiKey>();

    public DbSet<AdminAction> AdminActions => Set<AdminAction>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<OpenIddictEntityFrameworkCoreApplication<Guid>> OAuthApplications => Set<OpenIddictEntityFrameworkCoreApplication<Guid>>();

    public DbSet<OpenIddictEntityFrameworkCoreAuthorization<Guid>> OAuthAuthorizations => Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>();

    public DbSet<OpenIddictEntityFrameworkCoreToken<Guid>> OAuthTokens => Set<OpenIddictEntityFrameworkCoreToken<Guid>>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly, t => t.Namespace == typeof(UserConfiguration).Namespace);

        // OpenIddict's stores (ADR 0059), named for what they are rather than "open_iddict_…".
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("openiddict_tokens");
    }
}
