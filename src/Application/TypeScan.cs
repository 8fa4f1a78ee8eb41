using System.Reflection;

namespace VoiceNote.Application;

/// <summary>Finds the concrete classes of an assembly that close one of some open generic interfaces.</summary>
public static class TypeScan
{
    public static IEnumerable<(Type Service, Type Implementation)> Implementations(Assembly assembly, params Type[] openInterfaces) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && openInterfaces.Contains(service.GetGenericTypeDefinition())
        select (service, type);
}
