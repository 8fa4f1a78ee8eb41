using System.Reflection;
using Mapster;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceNote.Application.Mapping;

/// <summary>
/// How a module's entity-to-DTO mappings are configured (docs/decisions/0003): one Mapster config per
/// module, filled from the module's <see cref="IRegister"/> classes, each beside its DTO.
/// </summary>
public static class ModuleMappings
{
    /// <summary>
    /// An empty strict config: every (source, DTO) pair must be declared, and every member of a DTO
    /// must have a source, so a member added to a DTO without one fails validation instead of staying empty.
    /// </summary>
    public static TypeAdapterConfig Strict()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        // Values of owned JSON columns (key moments, assigned entities) are immutable records: copy the reference.
        config.Default.ShallowCopyForSameType(true);
        return config;
    }

    /// <summary>A strict config with every <see cref="IRegister"/> of the module's assembly.</summary>
    public static TypeAdapterConfig Scan(Assembly moduleAssembly)
    {
        var config = Strict();
        config.Scan(moduleAssembly);
        return config;
    }

    /// <summary>
    /// Registers a module's config at start-up. The module hands over its config already validated
    /// (<see cref="Validate"/>), so a mapping that cannot be built stops the host here.
    /// </summary>
    public static IServiceCollection AddModuleMappings(this IServiceCollection services, string module, TypeAdapterConfig validated) =>
        services.AddSingleton(new ModuleMapping(module, validated));

    /// <summary>
    /// Builds every mapping and every query projection now, so that one that cannot be built throws here,
    /// at start-up and in the unit test, not in the first request that needs it.
    /// </summary>
    public static TypeAdapterConfig Validate(this TypeAdapterConfig config)
    {
        config.Compile();
        config.CompileProjection();
        return config;
    }
}

/// <summary>A module's validated Mapster config, as registered at start-up.</summary>
public sealed record ModuleMapping(string Module, TypeAdapterConfig Config);
