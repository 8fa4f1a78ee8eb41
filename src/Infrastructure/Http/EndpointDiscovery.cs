using System.Reflection;

namespace VoiceNote.Infrastructure.Http;

/// <summary>Finds endpoint classes by assembly scan. The architecture tests use the same rule, so an endpoint the host would miss fails the build.</summary>
public static class EndpointDiscovery
{
    /// <summary>Every type in the assembly that implements <see cref="IEndpoint"/>, discoverable or not.</summary>
    public static IEnumerable<Type> EndpointLikeTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsClass && typeof(IEndpoint).IsAssignableFrom(t));

    /// <summary>Why the host could not map this endpoint type, or null when it can.</summary>
    public static string? WhyNotDiscoverable(Type type)
    {
        if (!typeof(IEndpoint).IsAssignableFrom(type))
        {
            return "does not implement IEndpoint";
        }

        if (type.IsAbstract)
        {
            return "is abstract";
        }

        if (type.ContainsGenericParameters)
        {
            return "is an open generic type";
        }

        return type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is null
            ? "has no parameterless constructor (endpoints take their services as handler parameters)"
            : null;
    }

    public static IEnumerable<Type> Discover(IEnumerable<Assembly> assemblies) =>
        assemblies.Distinct().SelectMany(EndpointLikeTypes).Where(t => WhyNotDiscoverable(t) is null);

    public static int MapAll(ApiRoutes routes, IEnumerable<Assembly> assemblies)
    {
        var count = 0;
        foreach (var type in Discover(assemblies))
        {
            ((IEndpoint)Activator.CreateInstance(type, nonPublic: true)!).MapEndpoint(routes);
            count++;
        }

        return count;
    }
}
