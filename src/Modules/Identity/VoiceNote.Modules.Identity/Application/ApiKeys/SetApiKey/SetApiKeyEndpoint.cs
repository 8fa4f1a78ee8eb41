using System.ComponentModel.DataAnnotations;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Common;

namespace VoiceNote.Modules.Identity.Application.ApiKeys.SetApiKey;

internal sealed class SetApiKeyEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPut("/me/api-keys/{provider}", async (string provider, SetApiKeyRequest body, ISender sender, CancellationToken ct) =>
                ApiKeyProviderNames.TryParse(provider, out var known)
                    ? (await sender.Send(new SetApiKey(known, body.ApiKey, body.BaseUrl), ct)).ToOk()
                    : ProblemResults.From(IdentityErrors.UnknownProvider))
            .RequireInteractiveUser()
            .RequireScope(ApiScopes.ProfileWrite)
            .WithTags("API keys")
            .WithName("setApiKey").Produces<ApiKeyDto>()
            .WithSummary("Store or replace the key for OPENAI, DEEPGRAM, GROQ, ELEVENLABS or OPENAI_COMPATIBLE (with baseUrl)");

    internal sealed record SetApiKeyRequest([Required] string? ApiKey, string? BaseUrl)
    {
        public override string ToString() => $"SetApiKeyRequest {{ ApiKey = (hidden), BaseUrl = {BaseUrl} }}";
    }
}
