using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.Application.Crypto;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// The token signing keys. A configured PEM key wins; otherwise the newest unretired key in the
/// database signs (generated on first use, its private half encrypted with the master key), and
/// retired keys keep validating the tokens they signed. Keys are cached; an unknown key id reloads.
/// </summary>
internal sealed class SigningKeyStore(IServiceScopeFactory scopes, ISecretProtector protector, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string Purpose = "identity.signing_key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySet? _keys;

    public async Task<ECDsaSecurityKey> GetSigningKeyAsync(CancellationToken cancellationToken) =>
        (await GetKeysAsync(cancellationToken)).Signing;

    public async Task<IReadOnlyList<ECDsaSecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken) =>
        (await GetKeysAsync(cancellationToken)).Validation;

    /// <summary>For JwtBearer's synchronous resolver: the cached keys, reloaded once when a token names a key we have not seen.</summary>
    public IEnumerable<SecurityKey> ResolveValidationKeys(string? keyId)
    {
        var keys = _keys ?? GetKeysAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (keyId is not null && keys.Validation.All(k => k.KeyId != keyId) && clock.GetUtcNow() - keys.LoadedAt > TimeSpan.FromSeconds(10))
        {
            _keys = null;
            keys = GetKeysAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return keys.Validation;
    }

    /// <summary>Makes a new key the signing key; the old one is retired but still validates.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        await db.SigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(k => k.SetProperty(x => x.RetiredAt, now), cancellationToken);
        var created = NewKey(now);
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        _keys = null;
        return created.KeyId;
    }

    private async Task<KeySet> GetKeysAsync(CancellationToken cancellationToken)
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
        if (options.Value.SigningKeyPem is { Length: > 0 } pem)
        {
            var configured = ToSecurityKey(pem);
            return new KeySet(configured, [configured], now);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        // Retired keys validate for as long as a token they signed can live.
        var oldest = now - options.Value.AccessTokenLifetime - TimeSpan.FromMinutes(5);
        var stored = await db.SigningKeys.AsNoTracking()
            .Where(k => k.RetiredAt == null || k.RetiredAt > oldest)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);

        if (!stored.Any(k => k.RetiredAt is null))
        {
            stored.Insert(0, await CreateFirstKeyAsync(db, now, cancellationToken));
        }

        var keys = stored.Select(k => ToSecurityKey(k)).ToList();
        var signing = keys[stored.FindIndex(k => k.RetiredAt is null)];
        return new KeySet(signing, keys, now);
    }

    private async Task<SigningKey> CreateFirstKeyAsync(IdentityDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Two processes may start together: a transaction-level advisory lock lets one create the key.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7310021)", cancellationToken);
        var existing = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var created = NewKey(now);
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
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

    private sealed record KeySet(ECDsaSecurityKey Signing, IReadOnlyList<ECDsaSecurityKey> Validation, DateTimeOffset LoadedAt);
}
