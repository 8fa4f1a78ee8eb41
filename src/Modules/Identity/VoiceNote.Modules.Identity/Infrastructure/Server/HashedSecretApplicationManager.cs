using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// Client secrets are 256 random bits made by the server (ClientRules), so a SHA-256 is as strong as a
/// slow password hash and keeps client authentication cheap (ADR 0010); OpenIddict's default is PBKDF2.
/// </summary>
internal sealed class HashedSecretApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication<Guid>> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication<Guid>> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>>(cache, logger, options, store)
{
    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(OpaqueTokens.Hash(secret));

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(OpaqueTokens.Matches(secret, comparand));
}
