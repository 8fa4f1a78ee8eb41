using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.UnitTests.Architecture.Routes;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>
/// Every endpoint is a thin HTTP adapter over one command or query (docs/decisions/0056): it uses no
/// DbContext or service, it asks the caller for exactly what its request's <c>[Requires]</c> says,
/// and every route it maps sends a request through <c>ISender</c>. Each rule is a function of
/// its input so the tests can run it on planted bad samples as well as on the real solution.
/// </summary>
internal static class EndpointRules
{
    /// <summary>
    /// Rule a, in ArchUnitNET: an <see cref="IEndpoint"/> class, with its lambdas and async state
    /// machines (ArchUnitNET counts what compiler-generated code depends on as its writer's
    /// dependency) and the types nested in it, depends on no DbContext, no service of the container
    /// but <c>ISender</c>, and no EF Core, Npgsql, MediatR or FluentValidation type. Requests, DTO
    /// records, ASP.NET Core and Infrastructure.Http helpers are what remains.
    /// </summary>
    public static IArchRule UseOnlyTheMediator(ServiceCatalog services) =>
        Types().That().ImplementInterface(typeof(IEndpoint))
            .Should().FollowCustomCondition(endpoint => MediatorOnly(endpoint, services), "use no DbContext or service but ISender")
            .Because("an endpoint sends a command or query and translates its result (docs/decisions/0056)");

    /// <summary>Why an endpoint may not depend on this type, or null when it may.</summary>
    public static string? ForbiddenDependency(Type used, ServiceCatalog services)
    {
        var ns = used.Namespace ?? string.Empty;
        if (typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(used))
        {
            return $"uses the DbContext {used.FullName}";
        }

        if (ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || ns.StartsWith("Npgsql", StringComparison.Ordinal))
        {
            return $"uses {used.FullName} (data access belongs to a handler)";
        }

        if (ns.StartsWith("MediatR", StringComparison.Ordinal) || ns.StartsWith("FluentValidation", StringComparison.Ordinal))
        {
            return $"uses {used.FullName} (send through ISender; validation runs in the pipeline)";
        }

        return services.IsService(used) ? $"uses the service {used.FullName}" : null;
    }

    /// <summary>
    /// Rule b: a route asks the caller for exactly what each request it sends declares. A public route
    /// sends only <c>[AnonymousAllowed]</c> requests and a protected one none; the route's scopes and
    /// permissions equal the request's <c>[Requires]</c>. A route that demands a scope or permission
    /// but sends no request has nothing to back it, and is reported too.
    /// </summary>
    public static IEnumerable<string> AccessViolations(IEnumerable<(Route Route, SentUseCases Sent)> routes)
    {
        foreach (var (route, sent) in routes)
        {
            if (sent.Requests.Count == 0)
            {
                if (route.IsPublic)
                {
                    yield return $"{route.Name} is public but sends no [AnonymousAllowed] request";
                }
                else if (route.Scopes.Count + route.Permissions.Count > 0)
                {
                    yield return $"{route.Name} requires {Describe(route.Scopes, route.Permissions)} but sends no request whose [Requires] says so";
                }

                continue;
            }

            foreach (var request in sent.Requests)
            {
                var anonymous = request.IsDefined(typeof(AnonymousAllowedAttribute), inherit: false);
                if (route.IsPublic && !anonymous)
                {
                    yield return $"{route.Name} is public but {request.Name} is not [AnonymousAllowed]";
                }
                else if (!route.IsPublic && anonymous)
                {
                    yield return $"{route.Name} needs a signed-in caller but {request.Name} is [AnonymousAllowed]";
                }

                var requires = request.GetCustomAttributes(typeof(RequiresAttribute), inherit: false).Cast<RequiresAttribute>().ToList();
                var scopes = Sorted(requires.Select(r => r.Scope));
                var permissions = Sorted(requires.Select(r => r.Permission));
                if (!scopes.SequenceEqual(route.Scopes) || !permissions.SequenceEqual(route.Permissions))
                {
                    yield return $"{route.Name} requires {Describe(route.Scopes, route.Permissions)} but {request.Name} [Requires] {Describe(scopes, permissions)}";
                }
            }
        }
    }

    /// <summary>Rule e: every endpoint route binds or builds a command or query and sends it through ISender.</summary>
    public static IEnumerable<string> RoutesWithoutUseCase(IEnumerable<(Route Route, SentUseCases Sent)> routes) =>
        from pair in routes
        let problem = pair.Sent.Requests.Count == 0 ? "sends no command or query"
            : !pair.Sent.CallsSender ? $"builds {string.Join(", ", pair.Sent.Requests.Select(r => r.Name))} but never calls ISender"
            : null
        where problem is not null
        select $"{pair.Route.Name} ({pair.Route.EndpointClass!.FullName}) {problem}";

    /// <summary>Each route mapped by an endpoint class, with what its handler sends.</summary>
    public static IReadOnlyList<(Route Route, SentUseCases Sent)> UseCasesOf(IEnumerable<Route> routes, ServiceCatalog services) =>
        routes.Where(r => r.EndpointClass is not null).Select(r => (r, SentUseCases.Of(r.Handler!, services))).ToList();

    /// <summary>"GET /api/v1/notes → ListNotes (query)", one line per route: the map the issue asks to see.</summary>
    public static IEnumerable<string> Listing(IEnumerable<(Route Route, SentUseCases Sent)> routes) =>
        routes.Select(pair => $"{pair.Route.Name} → " + (pair.Sent.Requests.Count == 0
            ? "NONE"
            : string.Join(", ", pair.Sent.Requests.Select(r => $"{r.Name} ({(SentUseCases.IsCommand(r) ? "command" : "query")})"))));

    private static ConditionResult MediatorOnly(IType endpoint, ServiceCatalog services)
    {
        var problems = endpoint.GetNestedTypes().Prepend(endpoint)
            .SelectMany(type => type.GetTypeDependencies())
            .Select(dependency => Type.GetType(dependency.AssemblyQualifiedName, throwOnError: false))
            .OfType<Type>()
            .Select(used => ForbiddenDependency(used, services))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ConditionResult(endpoint, problems.Count == 0, string.Join("; ", problems));
    }

    private static List<string> Sorted(IEnumerable<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string Describe(IReadOnlyList<string> scopes, IReadOnlyList<string> permissions) =>
        scopes.Count + permissions.Count == 0
            ? "no scope or permission"
            : string.Join(", ", scopes.Select(s => $"scope {s}").Concat(permissions.Select(p => $"permission {p}")));
}
