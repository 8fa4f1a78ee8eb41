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
        Assert.That(discovered, Is.EquivalentTo(new[] { typeof(GoodEndpoint) }));
    }
}
