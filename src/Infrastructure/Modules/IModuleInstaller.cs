using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceNote.Infrastructure.Modules;

/// <summary>A module's entry point for the host: it registers the module (usually through <c>AddModule</c>).</summary>
public interface IModuleInstaller
{
    string Name { get; }

    void Install(IServiceCollection services, IConfiguration configuration);
}

/// <summary>Writes a module's development sample data (the <c>seed</c> verb); must be safe to run twice.</summary>
public interface IDevelopmentSeeder
{
    /// <summary>Lower runs first (users before their notes).</summary>
    int Order { get; }

    /// <summary>Seeds and returns lines worth printing (e.g. how to sign in).</summary>
    Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken);
}
