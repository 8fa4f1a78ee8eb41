namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>Bound from "Auth": token lifetimes, the signing key, sign-in throttling. The issuer is "Identity:Issuer".</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A session ends this long after sign-in however often it is refreshed.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>An ECDSA P-256 private key in PKCS#8 PEM; when set it signs instead of the generated, stored key.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Failed sign-ins per account name before 429 (besides lockout), per window.</summary>
    public int AccountAttemptsPerWindow { get; set; } = 10;

    public TimeSpan AccountAttemptWindow { get; set; } = TimeSpan.FromMinutes(15);
}
