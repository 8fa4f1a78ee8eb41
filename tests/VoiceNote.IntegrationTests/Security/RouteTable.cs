using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.IntegrationTests.Security;

/// <summary>One callable route of the running host: a method, its pattern, and what it declares about access.</summary>
internal sealed record RouteCall(string Method, RouteEndpoint Endpoint)
{
    /// <summary>"GET /api/v1/admin/users/{id}": how the explicit lists in the tests name a route.</summary>
    public string Name => $"{Method} {Pattern}";

    public string Pattern => "/" + Endpoint.RoutePattern.RawText?.TrimStart('/');

    public IReadOnlyList<AccessRequirement> Requirements => Endpoint.Metadata.GetOrderedMetadata<AccessRequirement>();

    public bool IsPublic => Requirements.Any(r => r.Kind == AccessKind.Anonymous);

    public IReadOnlyList<string> Permissions =>
        Requirements.Where(r => r.Kind == AccessKind.Permission).Select(r => r.Value!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Minimal APIs describe a bound body with accepts metadata; those routes get an empty JSON object.</summary>
    public bool HasBody => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;

    /// <summary>A request to this route with plausible values for its parameters: a fresh Guid for ids, a word for text.</summary>
    public HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), ConcretePath(Endpoint.RoutePattern));
        if (HasBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    public override string ToString() => Name;

    private static string ConcretePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(ValueFor(parameter)),
                    _ => throw new InvalidOperationException($"Unknown route part {part.GetType().Name} in {pattern.RawText}"),
                });
            }
        }

        return path.ToString();
    }

    private static string ValueFor(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty).ToList();
        if (constraints.Contains("guid") || parameter.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || parameter.Name.EndsWith("Id", StringComparison.Ordinal))
        {
            return Guid.NewGuid().ToString();
        }

        if (constraints.Any(c => c is "int" or "long" || c.StartsWith("min(", StringComparison.Ordinal) || c.StartsWith("range(", StringComparison.Ordinal)))
        {
            return Random.Shared.Next(1_000_000, 2_000_000).ToString(CultureInfo.InvariantCulture);
        }

        if (constraints.Contains("bool"))
        {
            return "true";
        }

        if (constraints.Contains("datetime"))
        {
            return "2026-01-01";
        }

        return "sample";
    }
}

internal static class RouteTable
{
    /// <summary>Every route the running host serves, one entry per HTTP method (GET for routes that take any method).</summary>
    public static IReadOnlyList<RouteCall> Read(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => MethodsOf(endpoint).Select(method => new RouteCall(method, endpoint)))
            .OrderBy(call => call.Pattern, StringComparer.Ordinal).ThenBy(call => call.Method, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];
}
