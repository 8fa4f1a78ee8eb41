using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// Loads (or creates) the keys at start-up, so building OpenIddict's options, which is synchronous,
/// never has to wait on the database during the first request.
/// </summary>
internal sealed class SigningKeyWarmup(SigningKeyStore keys) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken) => keys.GetKeySetAsync(cancellationToken);
}
