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

    /// <summary>Failed sign-ins to one account from one address before each next try must wait (1 s, 2 s, 4 s …).</summary>
    public int FreeFailuresPerAddress { get; set; } = 3;

    public TimeSpan MaxAddressDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins to one account from all addresses before every try waits, up to <see cref="MaxAccountDelay"/>.</summary>
    public int FreeFailuresPerAccount { get; set; } = 20;

    /// <summary>Short, so that strangers failing from many addresses slow the owner down but never lock them out.</summary>
    public TimeSpan MaxAccountDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures this old no longer count.</summary>
    public TimeSpan ForgetFailuresAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PBKDF2-HMAC-SHA512 iterations for new and re-hashed passwords (OWASP 2023: 210,000).</summary>
    public int PasswordHashIterations { get; set; } = 210_000;
}
