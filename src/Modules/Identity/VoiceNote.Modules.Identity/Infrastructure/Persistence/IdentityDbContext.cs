using Microsoft.EntityFrameworkCore;
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

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<OAuthClient> OAuthClients => Set<OAuthClient>();

    public DbSet<StoredApiKey> ApiKeys => Set<StoredApiKey>();

    public DbSet<AdminAction> AdminActions => Set<AdminAction>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly, t => t.Namespace == typeof(UserConfiguration).Namespace);
}
