using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Application.Messaging;
using VoiceNote.WebApi.Hosting;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>
/// What counts as a service of the project: every type the composition root registers (as a service or
/// as its implementation), every implementation of a registered interface, and every DbContext. The
/// container, not a naming guess, says what an endpoint could be handed instead of the mediator.
/// <see cref="ISender"/> is the one service endpoints are meant to take.
/// </summary>
internal sealed class ServiceCatalog
{
    private readonly HashSet<Type> _registered;

    public ServiceCatalog(IEnumerable<Type> registered) =>
        _registered = registered.Select(Definition).Where(IsProjectType).Where(t => t != typeof(ISender)).ToHashSet();

    /// <summary>Everything <c>AddVoiceNote</c> (infrastructure and every module) puts in the container.</summary>
    public static ServiceCatalog Host { get; } = new(HostRegistrations());

    public int Count => _registered.Count;

    public bool IsService(Type type)
    {
        if (typeof(DbContext).IsAssignableFrom(type))
        {
            return true;
        }

        var definition = Definition(type);
        return definition != typeof(ISender) && IsProjectType(definition)
            && (_registered.Contains(definition) || definition.GetInterfaces().Any(i => _registered.Contains(Definition(i))));
    }

    internal static bool IsProjectType(Type type) => type.Assembly.GetName().Name!.StartsWith("VoiceNote.", StringComparison.Ordinal);

    private static Type Definition(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition() : type;

    private static IEnumerable<Type> HostRegistrations()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:VoiceNote"] = "Host=127.0.0.1;Port=1;Database=none" })
            .Build();
        var services = new ServiceCollection();
        services.AddVoiceNote(configuration);
        return services.SelectMany(d => new[] { d.ServiceType, d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType }).OfType<Type>();
    }
}
