using VoiceNote.Infrastructure.Http;

namespace VoiceNote.IntegrationTests.Probe;

/// <summary>Endpoints that misbehave on purpose: an unhandled exception, and a tightly rate-limited route.</summary>
internal sealed class ProbeFaultEndpoints : IEndpoint
{
    public const string SecretInException = "connection-string-password-hunter2";

    public void MapEndpoint(ApiRoutes routes)
    {
        routes.V1.MapGet("/probe/boom", string () => throw new InvalidOperationException(SecretInException)).AllowAnonymousAccess();
        routes.V1.MapGet("/probe/limited", () => TypedResults.Ok()).RequireRateLimiting("auth").AllowAnonymousAccess();
    }
}
