using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VoiceNote.Infrastructure.Http;
using VoiceNote.WebApi.Hosting;

namespace VoiceNote.UnitTests.Architecture.Routes;

/// <summary>
/// The route table the API serves, read from the host as <see cref="ApiHost"/> builds it but never
/// started: endpoints are mapped and their metadata is complete, and no database is needed.
/// </summary>
internal static class HostRouteTable
{
    /// <summary>Nothing listens here: building the host must not connect anywhere, and if it tried it would fail loudly.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

    private static readonly Lazy<IReadOnlyList<Route>> Host = new(ReadHost);

    public static IReadOnlyList<Route> Api => Host.Value;

    /// <summary>The routes the host's own discovery maps from these assemblies' endpoints, on the same route groups.</summary>
    public static IReadOnlyList<Route> MappedFrom(params Assembly[] assemblies)
    {
        using var app = WebApplication.CreateSlimBuilder().Build();
        var v1 = app.MapGroup("/api/v1");
        EndpointDiscovery.MapAll(new ApiRoutes(app, v1, v1.MapGroup("/admin")), assemblies);
        return Of(app);
    }

    private static IReadOnlyList<Route> ReadHost()
    {
        using var app = ApiHost.Build(["--environment=Testing", $"--ConnectionStrings:VoiceNote={UnreachableDatabase}"]);
        return Of(app);
    }

    /// <summary>One entry per route and HTTP method (GET for routes that take any method), ordered by pattern.</summary>
    private static List<Route> Of(IEndpointRouteBuilder builder) =>
        builder.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => MethodsOf(endpoint).Select(method => new Route(method, endpoint)))
            .OrderBy(route => route.Endpoint.RoutePattern.RawText, StringComparer.Ordinal).ThenBy(route => route.Method, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];
}
