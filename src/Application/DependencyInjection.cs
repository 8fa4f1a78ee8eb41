using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Application.Behaviours;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Application.Messaging;

namespace VoiceNote.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 has no DI package: wire its ServiceFactory to the container and register the
    /// pipeline. Behaviours run outermost first: logging, authorization, admin audit, validation, unit of work.
    /// </summary>
    public static IServiceCollection AddApplicationCore(this IServiceCollection services)
    {
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddScoped<ISender, MediatorSender>();
        services.TryAddSingleton(TimeProvider.System);

        if (!services.Any(d => d.ServiceType == typeof(IPipelineBehavior<,>)))
        {
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AdminAuditBehaviour<,>));
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        }

        return services;
    }

    /// <summary>Registers the use-case handlers, validators and integration-event handlers found in a module's assembly.</summary>
    public static IServiceCollection AddUseCasesFrom(this IServiceCollection services, Assembly assembly)
    {
        foreach (var (serviceType, implementation) in TypeScan.Implementations(assembly, typeof(IRequestHandler<,>), typeof(IIntegrationEventHandler<>)))
        {
            services.TryAddEnumerable(ServiceDescriptor.Scoped(serviceType, implementation));
        }

        // The package adds without looking at what is there: an assembly registered twice would validate twice.
        if (!HasValidatorsFrom(services, assembly))
        {
            services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        }

        return services;
    }

    private static bool HasValidatorsFrom(IServiceCollection services, Assembly assembly) =>
        services.Any(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)
            && d.ImplementationType?.Assembly == assembly);
}
