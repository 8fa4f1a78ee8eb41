using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Application;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Application.Persistence;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Modules;

public static class ModuleRegistration
{
    /// <summary>The migrations history table every module keeps inside its own schema.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Registers a module: its DbContext on the shared data source in its own schema (with its own
    /// migrations history table), its unit of work, and the use cases, validators and event handlers
    /// in <paramref name="assemblies"/>.
    /// </summary>
    public static IServiceCollection AddModule<TContext>(this IServiceCollection services, string name, string schema, params Assembly[] assemblies)
        where TContext : ModuleDbContext
    {
        var descriptor = new ModuleDescriptor(name, schema, typeof(TContext), assemblies);
        services.AddSingleton(descriptor);
        services.AddDbContext<TContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema)));
        services.AddScoped<IUnitOfWork>(provider => new ModuleUnitOfWork<TContext>(
            provider.GetRequiredService<TContext>(), descriptor, provider.GetRequiredService<OutboxSignal>()));

        var registry = RegistryOf(services);
        foreach (var assembly in assemblies)
        {
            services.AddUseCasesFrom(assembly);
            foreach (var (service, implementation) in TypeScan.Implementations(assembly, typeof(IIntegrationEventHandler<>)))
            {
                registry.AddHandler(service.GetGenericArguments()[0], implementation);
            }
        }

        return services;
    }

    private static IntegrationEventRegistry RegistryOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(IntegrationEventRegistry))?.ImplementationInstance is IntegrationEventRegistry existing)
        {
            return existing;
        }

        var registry = new IntegrationEventRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
