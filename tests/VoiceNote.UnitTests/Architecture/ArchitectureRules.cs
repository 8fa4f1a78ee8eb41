using System.Reflection;
using FluentValidation;
using MediatR;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>
/// The rules that keep the modular monolith modular, as pure functions over assemblies and types so
/// each can be tested on a deliberately bad sample as well as on the real solution.
/// </summary>
internal static class ArchitectureRules
{
    private const string ModulePrefix = "VoiceNote.Modules.";
    private const string SharedContracts = "VoiceNote.Contracts";
    private const string SharedKernel = "VoiceNote.Domain";

    /// <summary>A module may reference another module only through that module's .Contracts assembly.</summary>
    public static IEnumerable<string> ModuleReferenceViolations(IEnumerable<(string Assembly, IEnumerable<string> References)> assemblies) =>
        from assembly in assemblies
        let owner = ModuleOf(assembly.Assembly)
        where owner is not null
        from reference in assembly.References
        let target = ModuleOf(reference)
        where target is not null && target != owner && !reference.EndsWith(".Contracts", StringComparison.Ordinal)
        select $"{assembly.Assembly} references {reference}; use {ModulePrefix}{target}.Contracts";

    /// <summary>
    /// A contracts assembly (the shared <c>VoiceNote.Contracts</c> or a module's <c>.Contracts</c>) references
    /// only what its events and DTOs need: the BCL, <c>VoiceNote.Contracts</c>, and the Domain's shared
    /// kernel when a contract type really uses it (so it shows in the compiled references). The shared
    /// contracts reference the BCL alone.
    /// </summary>
    public static IEnumerable<string> ContractsReferenceViolations(IEnumerable<AssemblyReferences> assemblies) =>
        from assembly in assemblies
        where IsContracts(assembly.Assembly)
        from reference in assembly.All
        let reason = WhyNotInContracts(assembly, reference)
        where reason is not null
        select $"{assembly.Assembly} references {reference}; {reason}";

    /// <summary>An assembly every contract may reference (the Domain) references the BCL alone.</summary>
    public static IEnumerable<string> NonBclReferences(AssemblyReferences assembly) =>
        assembly.All.Where(r => !IsBcl(r)).Select(r => $"{assembly.Assembly} references {r}; it may reference only the BCL");

    /// <summary>The shared Domain assembly references no other VoiceNote assembly.</summary>
    public static IEnumerable<string> DomainAssemblyViolations(string domainAssembly, IEnumerable<string> references) =>
        references.Where(r => r.StartsWith("VoiceNote.", StringComparison.Ordinal))
            .Select(r => $"{domainAssembly} references {r}; the domain depends on nothing");

    /// <summary>The Application assembly does not reference Infrastructure or the host.</summary>
    public static IEnumerable<string> ApplicationAssemblyViolations(string applicationAssembly, IEnumerable<string> references) =>
        references.Where(r => r is "VoiceNote.Infrastructure" or "VoiceNote.WebApi" || r.StartsWith(ModulePrefix, StringComparison.Ordinal))
            .Select(r => $"{applicationAssembly} references {r}");

    /// <summary>
    /// Types in a Domain namespace (src/Domain or a module's Domain folder) use no type from an
    /// Application, Infrastructure or Endpoints namespace, nor from EF Core or ASP.NET Core.
    /// </summary>
    public static IEnumerable<string> DomainTypeViolations(IEnumerable<Type> types) =>
        from type in types
        where IsDomainNamespace(type.Namespace)
        from used in TypesUsedBy(type)
        where IsForbiddenForDomain(used.Namespace)
        select $"{type.FullName} uses {used.FullName}";

    /// <summary>Handlers and validators are implementation details of their module: never public.</summary>
    public static IEnumerable<string> PublicHandlerOrValidatorViolations(IEnumerable<Type> types) =>
        from type in types
        where type is { IsClass: true, IsAbstract: false } && type.IsVisible
        where Implements(type, typeof(IRequestHandler<,>)) || Implements(type, typeof(IValidator<>)) || Implements(type, typeof(IIntegrationEventHandler<>))
        select $"{type.FullName} is public; make it internal sealed";

    /// <summary>Every endpoint class can be found and mapped by the host's discovery.</summary>
    public static IEnumerable<string> UndiscoverableEndpointViolations(IEnumerable<Type> types) =>
        from type in types
        where type.IsClass && typeof(IEndpoint).IsAssignableFrom(type)
        let reason = EndpointDiscovery.WhyNotDiscoverable(type)
        where reason is not null
        select $"{type.FullName} {reason}";

    /// <summary>A class named like an endpoint that does not implement IEndpoint would never be mapped.</summary>
    public static IEnumerable<string> EndpointNamingViolations(IEnumerable<Type> types) =>
        from type in types
        where type is { IsClass: true, IsAbstract: false } && type.Name.EndsWith("Endpoint", StringComparison.Ordinal)
        where !typeof(IEndpoint).IsAssignableFrom(type) && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))
        select $"{type.FullName} looks like an endpoint but does not implement IEndpoint";

    private static bool IsContracts(string assemblyName) =>
        assemblyName == SharedContracts || (assemblyName.StartsWith(ModulePrefix, StringComparison.Ordinal) && assemblyName.EndsWith(".Contracts", StringComparison.Ordinal));

    private static bool IsBcl(string assemblyName) =>
        assemblyName is "mscorlib" or "netstandard" or "System" || assemblyName.StartsWith("System.", StringComparison.Ordinal);

    private static string? WhyNotInContracts(AssemblyReferences contracts, string reference)
    {
        if (IsBcl(reference))
        {
            return null;
        }

        if (contracts.Assembly == SharedContracts)
        {
            return "the shared contracts reference only the BCL";
        }

        return reference switch
        {
            SharedContracts => null,
            SharedKernel when contracts.Compiled.Contains(SharedKernel) => null,
            SharedKernel => "it is declared but no contract type uses the Domain; drop the reference",
            _ => $"a contract references only {SharedContracts}, the BCL and (when a contract type uses it) {SharedKernel}",
        };
    }

    private static string? ModuleOf(string assemblyName)
    {
        if (!assemblyName.StartsWith(ModulePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return assemblyName[ModulePrefix.Length..].Split('.')[0];
    }

    private static bool IsDomainNamespace(string? ns) =>
        ns is not null && (ns == "VoiceNote.Domain" || ns.StartsWith("VoiceNote.Domain.", StringComparison.Ordinal)
            || (ns.StartsWith(ModulePrefix, StringComparison.Ordinal) && ns.Split('.').Skip(3).FirstOrDefault() == "Domain")
            || ns.Split('.').Contains("Domain") && ns.Contains("BadSamples", StringComparison.Ordinal));

    private static bool IsForbiddenForDomain(string? ns) =>
        ns is not null && (ns.StartsWith("VoiceNote.Application", StringComparison.Ordinal)
            || ns.StartsWith("VoiceNote.Infrastructure", StringComparison.Ordinal)
            || ns.StartsWith("VoiceNote.WebApi", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            // The one accepted exception: Identity's User extends ASP.NET Core Identity's IdentityUser (docs/decisions/0007).
            || (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && ns != "Microsoft.AspNetCore.Identity")
            || ns.StartsWith("Npgsql", StringComparison.Ordinal)
            || (ns.StartsWith(ModulePrefix, StringComparison.Ordinal) && ns.Split('.').Skip(3).FirstOrDefault() is "Application" or "Infrastructure" or "Endpoints"));

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    /// <summary>The types a type's signature mentions: base, interfaces, fields, properties, methods, constructors.</summary>
    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type>();
        if (type.BaseType is not null)
        {
            used.Add(type.BaseType);
        }

        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all))
        {
            used.Add(method.ReturnType);
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
        }

        foreach (var constructor in type.GetConstructors(all))
        {
            used.AddRange(constructor.GetParameters().Select(p => p.ParameterType));
        }

        return used.SelectMany(Unwrap).Distinct();
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition()) : [type];
    }
}
