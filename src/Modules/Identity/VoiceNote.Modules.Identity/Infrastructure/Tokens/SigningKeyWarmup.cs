using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// Loads the signing keys at start-up, so JwtBearer's synchronous key resolver never has to block a
/// request thread on the database for the first token it validates.
/// </summary>
internal sealed class SigningKeyWarmup(SigningKeyStore keys) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken) => keys.GetValidationKeysAsync(cancellationToken);
}
