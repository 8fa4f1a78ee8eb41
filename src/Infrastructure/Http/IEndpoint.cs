namespace VoiceNote.Infrastructure.Http;

/// <summary>
/// One HTTP endpoint of a use case. The host finds every implementation by assembly scan (see
/// <see cref="EndpointDiscovery"/>), so an endpoint is one small class beside its use case.
/// </summary>
public interface IEndpoint
{
    void MapEndpoint(ApiRoutes routes);
}
