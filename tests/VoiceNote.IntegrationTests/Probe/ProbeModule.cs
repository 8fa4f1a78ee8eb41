using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.Infrastructure.Modules;

namespace VoiceNote.IntegrationTests.Probe;

internal static class ProbeModule
{
    public static IServiceCollection AddProbeModule(this IServiceCollection services)
    {
        services.AddModule<ProbeDbContext>("Probe", ProbeDbContext.SchemaName, typeof(ProbeDbContext).Assembly);
        services.AddSingleton<ProbeHandlerScript>();
        services.AddJobHandler<ProbeDbContext, ProbeJobHandler>(ProbeJobHandler.JobKind);
        return services;
    }
}
