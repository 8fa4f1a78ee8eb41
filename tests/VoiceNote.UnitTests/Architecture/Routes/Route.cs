using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Routing;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.UnitTests.Architecture.Routes;

/// <summary>One callable route: a method, its pattern, what it declares about access, and the code that handles it.</summary>
internal sealed record Route(string Method, RouteEndpoint Endpoint)
{
    /// <summary>"GET /api/v1/notes/{id:guid}", as the integration tests' route table names routes too.</summary>
    public string Name => $"{Method} /{Endpoint.RoutePattern.RawText?.TrimStart('/')}";

    /// <summary>The lambda or method minimal APIs call (they keep it in the endpoint's metadata); null for middleware routes such as health checks.</summary>
    public MethodInfo? Handler => Endpoint.Metadata.GetMetadata<MethodInfo>();

    /// <summary>The <see cref="IEndpoint"/> class the handler belongs to; null for routes the host maps from framework parts.</summary>
    public Type? EndpointClass => Handler?.DeclaringType is { } declaring && OutermostUserType(declaring) is { } type && typeof(IEndpoint).IsAssignableFrom(type) ? type : null;

    public IReadOnlyList<AccessRequirement> Requirements => Endpoint.Metadata.GetOrderedMetadata<AccessRequirement>();

    public bool IsPublic => Requirements.Any(r => r.Kind == AccessKind.Anonymous);

    public IReadOnlyList<string> Scopes => ValuesOf(AccessKind.Scope);

    public IReadOnlyList<string> Permissions => ValuesOf(AccessKind.Permission);

    public override string ToString() => Name;

    /// <summary>Lambdas, closures and state machines are nested in the class that wrote them: that class.</summary>
    internal static Type OutermostUserType(Type type)
    {
        while (type.DeclaringType is not null && IsCompilerGenerated(type))
        {
            type = type.DeclaringType;
        }

        return type;
    }

    internal static bool IsCompilerGenerated(Type type) =>
        type.Name.StartsWith('<') || type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private IReadOnlyList<string> ValuesOf(AccessKind kind) =>
        Requirements.Where(r => r.Kind == kind).Select(r => r.Value!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
