using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>Validators come from FluentValidation's own assembly scan: every one found, scoped, registered once.</summary>
public sealed class UseCaseRegistrationTests
{
    [TestCase(typeof(VoiceNote.Modules.Notes.NotesModule))]
    [TestCase(typeof(VoiceNote.Modules.Identity.IdentityModule))]
    public void Every_validator_of_a_module_is_registered_once_and_scoped_even_when_its_assembly_is_added_twice(Type module)
    {
        var assembly = module.Assembly;
        var services = new ServiceCollection().AddUseCasesFrom(assembly).AddUseCasesFrom(assembly);
        var expected = AssemblyScanner.FindValidatorsInAssembly(assembly, includeInternalTypes: true)
            .Select(r => (r.InterfaceType, r.ValidatorType)).ToList();
        var registered = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(expected, Is.Not.Empty);
            Assert.That(registered.Select(d => (d.ServiceType, d.ImplementationType!)), Is.EquivalentTo(expected));
            Assert.That(registered.Select(d => d.Lifetime), Is.All.EqualTo(ServiceLifetime.Scoped));
        });
    }
}
