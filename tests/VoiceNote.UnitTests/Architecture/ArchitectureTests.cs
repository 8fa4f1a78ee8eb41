using System.Reflection;
using VoiceNote.UnitTests.Architecture.BadSamples;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>The rules hold for the solution, and each rule fails on a sample that breaks it.</summary>
public sealed class ArchitectureTests
{
    [Test]
    public void The_solution_assemblies_are_all_found()
    {
        var names = SolutionAssemblies.All.Select(a => a.GetName().Name).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "VoiceNote.Domain", "VoiceNote.Application", "VoiceNote.Infrastructure", "VoiceNote.WebApi" }));
    }

    [Test]
    public void Modules_reference_each_other_only_through_contracts() =>
        Assert.That(ArchitectureRules.ModuleReferenceViolations(SolutionAssemblies.References), Is.Empty);

    [Test]
    public void Contracts_reference_only_what_their_events_and_DTOs_need()
    {
        var contracts = SolutionAssemblies.AssemblyReferences.Where(a => a.Assembly.EndsWith("Contracts", StringComparison.Ordinal)).ToList();
        var domain = SolutionAssemblies.AssemblyReferences.Single(a => a.Assembly == "VoiceNote.Domain");
        Assert.Multiple(() =>
        {
            Assert.That(contracts.Select(a => a.Assembly), Is.SupersetOf(new[]
            {
                "VoiceNote.Contracts", "VoiceNote.Modules.Identity.Contracts", "VoiceNote.Modules.Notes.Contracts", "VoiceNote.Modules.AudioProcessing.Contracts",
                "VoiceNote.Modules.Cases.Contracts", "VoiceNote.Modules.Activity.Contracts",
            }));
            Assert.That(ArchitectureRules.ContractsReferenceViolations(SolutionAssemblies.AssemblyReferences), Is.Empty);
            Assert.That(ArchitectureRules.NonBclReferences(domain), Is.Empty, "every contract may use the shared kernel, so it drags nothing in");
        });
    }

    [Test]
    public void Declared_references_are_read_from_the_build()
    {
        var identityContracts = SolutionAssemblies.AssemblyReferences.Single(a => a.Assembly == "VoiceNote.Modules.Identity.Contracts");
        var notes = SolutionAssemblies.AssemblyReferences.Single(a => a.Assembly == "VoiceNote.Modules.Notes");
        Assert.Multiple(() =>
        {
            Assert.That(identityContracts.Declared, Is.EquivalentTo(new[] { "VoiceNote.Contracts", "VoiceNote.Domain" }));
            Assert.That(notes.Declared, Does.Contain("VoiceNote.Infrastructure").And.Contain("VoiceNote.Modules.Identity.Contracts"));
        });
    }

    [Test]
    public void The_contracts_rule_flags_contracts_that_drag_in_more()
    {
        AssemblyReferences[] sample =
        [
            new("VoiceNote.Modules.Notes.Contracts", ["System.Runtime", "VoiceNote.Contracts", "VoiceNote.Application"], ["VoiceNote.Contracts", "VoiceNote.Application", "MediatR"]),
            new("VoiceNote.Modules.Cases.Contracts", ["System.Runtime", "VoiceNote.Contracts", "VoiceNote.Domain"], ["VoiceNote.Contracts", "VoiceNote.Domain"]),
            new("VoiceNote.Modules.Exports.Contracts", ["System.Runtime", "VoiceNote.Contracts"], ["VoiceNote.Contracts", "VoiceNote.Domain"]),
            new("VoiceNote.Contracts", ["System.Runtime", "VoiceNote.Domain"], []),
            new("VoiceNote.Modules.Notes", ["VoiceNote.Application"], ["MediatR"]),
        ];

        Assert.Multiple(() =>
        {
            Assert.That(ArchitectureRules.ContractsReferenceViolations(sample), Is.EqualTo(new[]
            {
                "VoiceNote.Modules.Notes.Contracts references VoiceNote.Application; a contract references only VoiceNote.Contracts, the BCL and (when a contract type uses it) VoiceNote.Domain",
                "VoiceNote.Modules.Notes.Contracts references MediatR; a contract references only VoiceNote.Contracts, the BCL and (when a contract type uses it) VoiceNote.Domain",
                "VoiceNote.Modules.Exports.Contracts references VoiceNote.Domain; it is declared but no contract type uses the Domain; drop the reference",
                "VoiceNote.Contracts references VoiceNote.Domain; the shared contracts reference only the BCL",
            }));
            Assert.That(ArchitectureRules.NonBclReferences(new("VoiceNote.Domain", ["System.Runtime", "netstandard"], ["Newtonsoft.Json"])), Is.EqualTo(new[]
            {
                "VoiceNote.Domain references Newtonsoft.Json; it may reference only the BCL",
            }));
        });
    }

    [Test]
    public void The_domain_depends_on_nothing()
    {
        var domain = SolutionAssemblies.References.Single(a => a.Assembly == "VoiceNote.Domain");
        var application = SolutionAssemblies.References.Single(a => a.Assembly == "VoiceNote.Application");
        Assert.Multiple(() =>
        {
            Assert.That(ArchitectureRules.DomainAssemblyViolations(domain.Assembly, domain.References), Is.Empty);
            Assert.That(ArchitectureRules.ApplicationAssemblyViolations(application.Assembly, application.References), Is.Empty);
            Assert.That(ArchitectureRules.DomainTypeViolations(SolutionAssemblies.Types), Is.Empty);
        });
    }

    [Test]
    public void Handlers_and_validators_are_not_public() =>
        Assert.That(ArchitectureRules.PublicHandlerOrValidatorViolations(SolutionAssemblies.Types), Is.Empty);

    [Test]
    public void Every_endpoint_is_discoverable() =>
        Assert.Multiple(() =>
        {
            Assert.That(ArchitectureRules.UndiscoverableEndpointViolations(SolutionAssemblies.Types), Is.Empty);
            Assert.That(ArchitectureRules.EndpointNamingViolations(SolutionAssemblies.Types), Is.Empty);
        });

    [Test]
    public void The_module_rule_flags_a_module_reaching_into_another_module()
    {
        var sample = new (string, IEnumerable<string>)[]
        {
            ("VoiceNote.Modules.Notes", ["VoiceNote.Modules.Identity", "VoiceNote.Modules.Identity.Contracts", "VoiceNote.Modules.Notes.Contracts"]),
            ("VoiceNote.Modules.Cases", ["VoiceNote.Modules.Notes.Contracts"]),
            ("VoiceNote.Modules.Exports.Contracts", ["VoiceNote.Modules.Notes"]),
        };

        Assert.That(ArchitectureRules.ModuleReferenceViolations(sample), Is.EqualTo(new[]
        {
            "VoiceNote.Modules.Notes references VoiceNote.Modules.Identity; use VoiceNote.Modules.Identity.Contracts",
            "VoiceNote.Modules.Exports.Contracts references VoiceNote.Modules.Notes; use VoiceNote.Modules.Notes.Contracts",
        }));
    }

    [Test]
    public void The_domain_rules_flag_a_domain_that_leans_on_outer_layers()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ArchitectureRules.DomainAssemblyViolations("VoiceNote.Domain", ["System.Runtime", "VoiceNote.Application"]), Has.Exactly(1).Items);
            Assert.That(ArchitectureRules.ApplicationAssemblyViolations("VoiceNote.Application", ["VoiceNote.Domain", "VoiceNote.Infrastructure"]), Has.Exactly(1).Items);
            Assert.That(
                ArchitectureRules.DomainTypeViolations([typeof(BadSamples.Domain.LeakyEntity), typeof(BadSamples.Domain.CleanEntity)]),
                Is.EqualTo(new[] { $"{typeof(BadSamples.Domain.LeakyEntity).FullName} uses VoiceNote.Infrastructure.Persistence.DatabaseOptions" }));
        });
    }

    [Test]
    public void The_visibility_rule_flags_public_handlers_and_validators()
    {
        var violations = ArchitectureRules.PublicHandlerOrValidatorViolations([typeof(PublicHandler), typeof(PublicValidator), typeof(InternalHandler)]);
        Assert.That(violations, Is.EquivalentTo(new[]
        {
            $"{typeof(PublicHandler).FullName} is public; make it internal sealed",
            $"{typeof(PublicValidator).FullName} is public; make it internal sealed",
        }));
    }

    [Test]
    public void The_discovery_rule_flags_endpoints_the_host_would_miss()
    {
        Type[] sample = [typeof(AbstractEndpoint), typeof(EndpointWithDependencies), typeof(GoodEndpoint), typeof(ForgottenEndpoint)];
        Assert.Multiple(() =>
        {
            Assert.That(ArchitectureRules.UndiscoverableEndpointViolations(sample), Has.Exactly(2).Items
                .And.Some.Contains("is abstract")
                .And.Some.Contains("no parameterless constructor"));
            Assert.That(ArchitectureRules.EndpointNamingViolations(sample), Has.Exactly(1).Items.And.Some.Contains(nameof(ForgottenEndpoint)));
        });
    }

    [Test]
    public void The_host_maps_exactly_the_endpoints_the_rule_calls_discoverable()
    {
        var discovered = VoiceNote.Infrastructure.Http.EndpointDiscovery.Discover([Assembly.GetExecutingAssembly()]).ToList();
        Assert.That(discovered, Is.EquivalentTo(new[]
        {
            typeof(GoodEndpoint),

            // The planted samples of the endpoint rules (EndpointRuleTests maps them on a throw-away host).
            typeof(BadSamples.Endpoints.GoodReadEndpoint), typeof(BadSamples.Endpoints.GoodSignUpEndpoint), typeof(BadSamples.Endpoints.GoodAdminEndpoint),
            typeof(BadSamples.Endpoints.BadDbContextEndpoint), typeof(BadSamples.Endpoints.BadServiceEndpoint), typeof(BadSamples.Endpoints.BadScopeEndpoint),
            typeof(BadSamples.Endpoints.BadPermissionEndpoint), typeof(BadSamples.Endpoints.BadPublicEndpoint), typeof(BadSamples.Endpoints.BadSignedInEndpoint),
            typeof(BadSamples.Endpoints.BadUnsentEndpoint),
        }));
    }
}
