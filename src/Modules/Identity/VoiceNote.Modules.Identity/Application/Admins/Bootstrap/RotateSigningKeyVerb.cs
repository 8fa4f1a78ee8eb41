using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Identity.Infrastructure.Tokens;

namespace VoiceNote.Modules.Identity.Application.Admins.Bootstrap;

/// <summary><c>rotate-signing-key</c>: a new key signs from now on; the old one keeps validating the tokens it signed.</summary>
internal sealed class RotateSigningKeyVerb : ICliVerb
{
    public string Name => "rotate-signing-key";

    public string Usage => "rotate-signing-key";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var keyId = await services.GetRequiredService<SigningKeyStore>().RotateAsync(cancellationToken);
        Console.WriteLine($"New signing key {keyId}. Running API processes pick it up within a minute or on restart.");
        return 0;
    }
}
