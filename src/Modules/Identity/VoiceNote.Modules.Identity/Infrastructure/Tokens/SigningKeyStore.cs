using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation;
using VoiceNote.Application.Crypto;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// The authorization server's keys: ECDSA P-256 keys that sign tokens and AES-256 keys that encrypt
/// what only the server reads (authorization codes, refresh token payloads). A configured PEM signing key
/// wins; otherwise the newest unretired key of each kind in the database is current (generated on first
/// use, encrypted with the master key), and retired keys keep validating or decrypting what they made.
/// OpenIddict's options are rebuilt when the keys change (a rotation here, or one seen by <see cref="KeyRefresh"/>).
/// </summary>
internal sealed class SigningKeyStore(
    IServiceScopeFactory scopes,
    ISecretProtector protector,
    IOptions<AuthOptions> options,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions,
    IOptionsMonitorCache<OpenIddictValidationOptions> validationOptions,
    TimeProvider clock)
{
    private const string Purpose = "identity.signing_key";
    private const string EncryptionAlgorithm = SecurityAlgorithms.Aes256KW;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySet? _keys;

    public async Task<ECDsaSecurityKey> GetSigningKeyAsync(CancellationToken cancellationToken) =>
        (await GetKeySetAsync(cancellationToken)).Signing;

    /// <summary>Makes new signing and encryption keys current; the old ones are retired but keep validating and decrypting.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        await db.SigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(k => k.SetProperty(x => x.RetiredAt, now), cancellationToken);
        var created = NewKey(now);
        db.SigningKeys.Add(created);
        db.SigningKeys.Add(NewEncryptionKey(now));
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        return created.KeyId;
    }

    /// <summary>Reloads when another process rotated the keys: called periodically by <see cref="KeyRefresh"/>.</summary>
    public async Task RefreshIfRotatedAsync(CancellationToken cancellationToken)
    {
        if (_keys is not { } cached || options.Value.SigningKeyPem is { Length: > 0 })
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var current = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null && k.Algorithm != EncryptionAlgorithm)
            .OrderByDescending(k => k.CreatedAt).Select(k => k.KeyId).FirstOrDefaultAsync(cancellationToken);
        if (current is not null && current != cached.Signing.KeyId)
        {
            Forget();
        }
    }

    private void Forget()
    {
        _keys = null;
        serverOptions.TryRemove(Options.DefaultName);
        validationOptions.TryRemove(Options.DefaultName);
    }

    public async Task<KeySet> GetKeySetAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _keys ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<KeySet> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();

        // Retired signing keys validate for as long as a token they signed can live; retired encryption
        // keys decrypt for as long as a refresh token they protected can.
        var oldestSigning = now - options.Value.AccessTokenLifetime - TimeSpan.FromMinutes(5);
        var oldestEncryption = now - options.Value.RefreshTokenLifetime - TimeSpan.FromMinutes(5);
        var stored = await db.SigningKeys.AsNoTracking()
            .Where(k => k.RetiredAt == null || k.RetiredAt > (k.Algorithm == EncryptionAlgorithm ? oldestEncryption : oldestSigning))
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);

        if (!stored.Any(k => k.RetiredAt is null && k.Algorithm != EncryptionAlgorithm) || !stored.Any(k => k.RetiredAt is null && k.Algorithm == EncryptionAlgorithm))
        {
            stored = await CreateFirstKeysAsync(db, now, cancellationToken);
        }

        var encryption = stored.Where(k => k.Algorithm == EncryptionAlgorithm)
            .OrderBy(k => k.RetiredAt is null ? 0 : 1).ThenByDescending(k => k.CreatedAt)
            .Select(k => new SymmetricSecurityKey(protector.Unprotect(k.EncryptedPrivateKey, Purpose)) { KeyId = k.KeyId })
            .ToList();
        if (options.Value.SigningKeyPem is { Length: > 0 } pem)
        {
            var configured = ToSecurityKey(pem);
            return new KeySet(configured, [configured], encryption, now);
        }

        var signingRows = stored.Where(k => k.Algorithm != EncryptionAlgorithm).ToList();
        var keys = signingRows.Select(k => ToSecurityKey(k)).ToList();
        var signing = keys[signingRows.FindIndex(k => k.RetiredAt is null)];
        return new KeySet(signing, keys, encryption, now);
    }

    private async Task<List<SigningKey>> CreateFirstKeysAsync(IdentityDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two processes may start together: a transaction-level advisory lock lets one create the keys.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7310021)", cancellationToken);
        var live = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).ToListAsync(cancellationToken);
        if (!live.Any(k => k.Algorithm != EncryptionAlgorithm))
        {
            db.SigningKeys.Add(NewKey(now));
        }

        if (!live.Any(k => k.Algorithm == EncryptionAlgorithm))
        {
            db.SigningKeys.Add(NewEncryptionKey(now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    private SigningKey NewEncryptionKey(DateTimeOffset now)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return new SigningKey
        {
            KeyId = "enc-" + Base64UrlEncoder.Encode(SHA256.HashData(key))[..12],
            Algorithm = EncryptionAlgorithm,
            EncryptedPrivateKey = protector.Protect(key, Purpose),
            CreatedAt = now,
        };
    }

    private SigningKey NewKey(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = ecdsa.ExportSubjectPublicKeyInfo();
        return new SigningKey
        {
            KeyId = KeyIdOf(publicKey),
            Algorithm = SecurityAlgorithms.EcdsaSha256,
            EncryptedPrivateKey = protector.Protect(ecdsa.ExportPkcs8PrivateKey(), Purpose),
            CreatedAt = now,
        };
    }

    private ECDsaSecurityKey ToSecurityKey(SigningKey stored)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(protector.Unprotect(stored.EncryptedPrivateKey, Purpose), out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = stored.KeyId };
    }

    private static ECDsaSecurityKey ToSecurityKey(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return new ECDsaSecurityKey(ecdsa) { KeyId = KeyIdOf(ecdsa.ExportSubjectPublicKeyInfo()) };
    }

    private static string KeyIdOf(byte[] subjectPublicKeyInfo) =>
        Base64UrlEncoder.Encode(SHA256.HashData(subjectPublicKeyInfo))[..16];
}

/// <summary>The current signing key, every key that still validates, and the encryption keys (current first).</summary>
internal sealed record KeySet(ECDsaSecurityKey Signing, IReadOnlyList<ECDsaSecurityKey> Validation, IReadOnlyList<SymmetricSecurityKey> Encryption, DateTimeOffset LoadedAt);
