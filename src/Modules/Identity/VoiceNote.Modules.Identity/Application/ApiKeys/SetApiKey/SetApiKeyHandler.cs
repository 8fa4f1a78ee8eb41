using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Crypto;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Domain;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.ApiKeys.SetApiKey;

internal sealed class SetApiKeyHandler(IdentityDbContext db, ISecretProtector protector, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<SetApiKey, ApiKeyDto>
{
    public async Task<Result<ApiKeyDto>> Handle(SetApiKey request, CancellationToken cancellationToken)
    {
        if (!caller.IsInteractive())
        {
            return IdentityErrors.InteractiveOnly;
        }

        var owner = caller.Id;
        var now = clock.GetStoredNow();
        await db.LockAsync("api_key", owner.Value, cancellationToken);
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Provider == request.Provider, cancellationToken);
        if (stored is null)
        {
            stored = new StoredApiKey { Id = Guid.CreateVersion7(), OwnerId = owner, Provider = request.Provider, CreatedAt = now };
            db.ApiKeys.Add(stored);
        }

        var key = request.ApiKey!;
        stored.Ciphertext = Encrypt(key, owner, request.Provider);
        stored.LastFour = key[^4..];
        stored.BaseUrl = request.Provider == ApiKeyProvider.OpenAiCompatible ? request.BaseUrl : null;
        stored.UpdatedAt = now;
        return ApiKeyDto.From(stored);
    }

    /// <summary>The purpose binds the ciphertext to this owner and provider (the facade decrypts with the same).</summary>
    private byte[] Encrypt(string key, UserId owner, ApiKeyProvider provider)
    {
        var plaintext = Encoding.UTF8.GetBytes(key);
        try
        {
            return protector.Protect(plaintext, StoredApiKey.Purpose(owner, provider));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
