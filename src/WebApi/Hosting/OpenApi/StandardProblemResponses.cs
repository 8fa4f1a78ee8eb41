using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// The problem answers every operation can give because of how it is mapped, read from its metadata so
/// endpoints only declare the ones their use case adds (409, 412, 422 …): 400 when it binds parameters
/// or a body, 401 unless anonymous, 403 when it needs more than a token, 404 for a resource address,
/// 429 when rate limited, and 503 with Retry-After on every one, since any of them reads the database
/// (the token check included) and a database that is away is answered so (docs/decisions/0064). Every
/// problem answer, these and the endpoints' own, gets the <see cref="Problem"/> schema.
/// </summary>
internal sealed class StandardProblemResponses : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";
    private const string SchemaId = nameof(Problem);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var missing = StatusesOf(context).Where(status => operation.Responses?.ContainsKey(status.ToString(CultureInfo.InvariantCulture)) != true).ToList();
        if (context.Document is not { } document)
        {
            return;
        }

        operation.Responses ??= [];
        foreach (var status in missing)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() },
            };
        }

        foreach (var status in (int[])[StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable])
        {
            if (operation.Responses.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var retryable) && retryable is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers.TryAdd("Retry-After", new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again (also in the problem's retryAfterSeconds).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                });
            }
        }

        var problems = operation.Responses.Values
            .Select(r => r.Content is { } content && content.TryGetValue(ProblemJson, out var media) ? media : null)
            .OfType<OpenApiMediaType>()
            .ToList();
        if (problems.Count == 0)
        {
            return;
        }

        if (document.Components?.Schemas?.ContainsKey(SchemaId) != true)
        {
            document.AddComponent(SchemaId, await context.GetOrCreateSchemaAsync(typeof(Problem), null, cancellationToken));
        }

        foreach (var problem in problems)
        {
            problem.Schema = new OpenApiSchemaReference(SchemaId, document);
        }

        // In status order, as a reader expects them (the endpoint's own come first otherwise).
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }
    }

    private static IEnumerable<int> StatusesOf(OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var access = metadata.OfType<AccessRequirement>().ToList();
        if (description.ParameterDescriptions.Count > 0)
        {
            yield return StatusCodes.Status400BadRequest;
        }

        if (!access.Any(r => r.Kind == AccessKind.Anonymous))
        {
            yield return StatusCodes.Status401Unauthorized;
        }

        if (access.Any(r => r.Kind is AccessKind.InteractiveUser or AccessKind.Scope or AccessKind.Permission))
        {
            yield return StatusCodes.Status403Forbidden;
        }

        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            yield return StatusCodes.Status429TooManyRequests;
        }

        // The database away (a restart, an outage, no free connection): any operation, anonymous ones too.
        yield return StatusCodes.Status503ServiceUnavailable;
    }
}
