using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VoiceNote.WebApi.Hosting;

/// <summary>Server URLs without a trailing slash: generated clients append paths that start with '/'.</summary>
internal sealed class ServerUrls : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        return Task.CompletedTask;
    }
}
