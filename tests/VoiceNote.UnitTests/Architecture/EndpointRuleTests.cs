using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Infrastructure.Http;
using VoiceNote.UnitTests.Architecture.BadSamples.Endpoints;
using VoiceNote.UnitTests.Architecture.Routes;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>
/// The endpoint rules (docs/decisions/0056) hold for the API's route table, and each one reports the
/// planted samples in <see cref="BadSamples.Endpoints"/> that break it.
/// </summary>
public sealed class EndpointRuleTests
{
    /// <summary>Routes the host maps from framework parts, not from an endpoint class: they serve no use case.</summary>
    private static readonly string[] HostRoutes =
    [
        "GET /health/live",
        "GET /health/ready",
        "GET /openapi/{documentName}.json",
    ];

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Samples = new(() =>
        new ArchLoader().LoadAssemblies(typeof(BadDbContextEndpoint).Assembly, typeof(IEndpoint).Assembly).Build());

    private static readonly Lazy<IReadOnlyList<(Route Route, SentUseCases Sent)>> SampleRoutes = new(() =>
        EndpointRules.UseCasesOf(HostRouteTable.MappedFrom(typeof(BadDbContextEndpoint).Assembly), ServiceCatalog.Host)
            .Where(pair => pair.Route.EndpointClass!.Namespace == typeof(BadDbContextEndpoint).Namespace).ToList());

    private static IReadOnlyList<(Route Route, SentUseCases Sent)> ApiRoutes => EndpointRules.UseCasesOf(HostRouteTable.Api, ServiceCatalog.Host);

    [Test]
    public void Endpoints_use_no_DbContext_or_service_but_the_mediator() =>
        EndpointRules.UseOnlyTheMediator(ServiceCatalog.Host).Check(SolutionAssemblies.Architecture);

    [Test]
    public void Every_route_asks_the_caller_for_what_its_request_requires() =>
        AssertNone(EndpointRules.AccessViolations(ApiRoutes));

    [Test]
    public void Every_route_maps_to_a_command_or_query()
    {
        var routes = ApiRoutes;
        TestContext.Out.WriteLine($"{routes.Count} endpoint routes and the use case each sends:");
        foreach (var line in EndpointRules.Listing(routes))
        {
            TestContext.Out.WriteLine(line);
        }

        Assert.That(routes, Has.Count.GreaterThan(50), "the route table was read");
        AssertNone(EndpointRules.RoutesWithoutUseCase(routes));
    }

    [Test]
    public void Only_the_hosts_own_routes_come_from_outside_an_endpoint_class() =>
        Assert.That(HostRouteTable.Api.Where(r => r.EndpointClass is null).Select(r => r.Name), Is.EquivalentTo(HostRoutes));

    [Test]
    public void The_service_catalog_is_what_the_container_holds()
    {
        var services = ServiceCatalog.Host;
        Assert.Multiple(() =>
        {
            Assert.That(services.IsService(typeof(ICurrentUser)), Is.True);
            Assert.That(services.IsService(typeof(VoiceNote.Modules.Notes.Infrastructure.Persistence.NotesDbContext)), Is.True);
            Assert.That(services.IsService(typeof(ISender)), Is.False, "the mediator is the one service endpoints take");
            Assert.That(services.IsService(typeof(SampleReadNote)), Is.False);
            Assert.That(services.IsService(typeof(VoiceNote.Domain.Results.Result)), Is.False);
        });
    }

    [Test]
    public void The_mediator_rule_flags_endpoints_that_use_a_DbContext_or_a_service()
    {
        var results = EndpointRules.UseOnlyTheMediator(ServiceCatalog.Host).Evaluate(Samples.Value).ToList();
        var failed = results.Where(r => !r.Passed).ToDictionary(r => ((IType)r.EvaluatedObject!).Name, r => r.Description);
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => r.Passed).Select(r => ((IType)r.EvaluatedObject!).Name), Does.Contain(nameof(GoodReadEndpoint)).And.Contain(nameof(GoodAdminEndpoint)));
            Assert.That(failed.Keys, Is.EquivalentTo(new[] { nameof(BadDbContextEndpoint), nameof(BadServiceEndpoint) }));
            Assert.That(failed[nameof(BadDbContextEndpoint)], Does.Contain($"uses the DbContext {typeof(SampleDbContext).FullName}"));
            Assert.That(failed[nameof(BadServiceEndpoint)], Does.Contain($"uses the service {typeof(ICurrentUser).FullName}"));
        });
    }

    [Test]
    public void The_access_rule_flags_routes_that_ask_for_other_than_their_request() =>
        Assert.That(EndpointRules.AccessViolations(SampleRoutes.Value), Is.EquivalentTo(new[]
        {
            "GET /api/v1/samples/db requires scope notes:read but sends no request whose [Requires] says so",
            "GET /api/v1/samples/me requires scope profile:read but sends no request whose [Requires] says so",
            "PUT /api/v1/samples/notes/{id:guid} requires scope notes:read but SampleWriteNote [Requires] scope notes:write",
            "DELETE /api/v1/admin/samples/{id:guid} requires permission can_delete_users but SampleAdminQuery [Requires] permission can_view_all_notes",
            "POST /api/v1/samples/public is public but SampleReadNote is not [AnonymousAllowed]",
            "POST /api/v1/samples/public requires no scope or permission but SampleReadNote [Requires] scope notes:read",
            "POST /api/v1/samples/sign-up-again needs a signed-in caller but SampleSignUp is [AnonymousAllowed]",
        }));

    [Test]
    public void The_use_case_rule_flags_routes_that_send_nothing()
    {
        Assert.That(EndpointRules.RoutesWithoutUseCase(SampleRoutes.Value), Is.EquivalentTo(new[]
        {
            $"GET /api/v1/samples/db ({typeof(BadDbContextEndpoint).FullName}) sends no command or query",
            $"GET /api/v1/samples/me ({typeof(BadServiceEndpoint).FullName}) sends no command or query",
            $"GET /api/v1/samples/unsent/{{id:guid}} ({typeof(BadUnsentEndpoint).FullName}) builds SampleReadNote but never calls ISender",
        }));
        Assert.That(EndpointRules.Listing(SampleRoutes.Value), Is.SupersetOf(new[]
        {
            "GET /api/v1/samples/notes → SampleReadNote (query)",
            "POST /api/v1/samples/sign-up → SampleSignUp (command)",
            "GET /api/v1/admin/samples/{id:guid} → SampleAdminQuery (query)",
        }));
    }

    /// <summary>Every violation in the output (an assertion message shows only the first few), then the assertion.</summary>
    private static void AssertNone(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        foreach (var violation in list)
        {
            TestContext.Out.WriteLine($"VIOLATION {violation}");
        }

        Assert.That(list, Is.Empty, $"{list.Count} violations, listed in the output");
    }
}
