using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoiceNote.Application.Idempotency;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Infrastructure.Persistence;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(256).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(256).IsRequired();
        builder.Property(u => u.UserName).HasMaxLength(32).IsRequired();
        builder.Property(u => u.NormalizedUserName).HasMaxLength(32).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.DeviceId).HasMaxLength(128);
        builder.Property(u => u.DeviceModel).HasMaxLength(128);
        builder.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(u => u.AdminGrantedBy).HasMaxLength(64);
        builder.Property(u => u.LockoutEnd).HasColumnType("timestamptz");
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
        builder.HasIndex(u => u.IsAdmin).HasFilter("is_admin");
        builder.Ignore(u => u.PhoneNumber);
        builder.Ignore(u => u.PhoneNumberConfirmed);
        builder.Ignore(u => u.TwoFactorEnabled);
    }
}

internal sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<UserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.PrimaryRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.SecondaryRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.CustomRoleDescription).HasMaxLength(UserProfile.MaxRoleDescriptionLength);
        builder.Property(p => p.SystemPrompt).HasMaxLength(UserProfile.MaxSystemPromptLength);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(16);
        builder.Property(p => p.SummaryQuality).HasMaxLength(16);
        builder.Property(p => p.SettingsJson).HasColumnType("jsonb");
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClientId).HasMaxLength(100);
        builder.Property(s => s.DeviceId).HasMaxLength(128);
        builder.Property(s => s.DeviceModel).HasMaxLength(128);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.RevokedReason).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class OAuthClientConfiguration : IEntityTypeConfiguration<OAuthClient>
{
    public void Configure(EntityTypeBuilder<OAuthClient> builder)
    {
        builder.ToTable("oauth_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.SecretHash).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.HasIndex(c => c.OwnerId);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(c => c.IdempotencyHash).HasMaxLength(IdempotentRequest.HashLength);
        builder.HasIndex(c => new { c.OwnerId, c.IdempotencyKey }).IsUnique()
            .HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ux_oauth_clients_owner_idempotency");
    }
}

internal sealed class StoredApiKeyConfiguration : IEntityTypeConfiguration<StoredApiKey>
{
    public void Configure(EntityTypeBuilder<StoredApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Provider).HasConversion<string>().HasMaxLength(32);
        builder.Property(k => k.LastFour).HasMaxLength(4);
        builder.Property(k => k.BaseUrl).HasMaxLength(500);
        builder.HasIndex(k => new { k.OwnerId, k.Provider }).IsUnique();
    }
}

internal sealed class AdminActionConfiguration : IEntityTypeConfiguration<AdminAction>
{
    public void Configure(EntityTypeBuilder<AdminAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Details).HasColumnType("jsonb");
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.Algorithm).HasMaxLength(16);
    }
}
