using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Application.Jobs;
using VoiceNote.Infrastructure.Persistence;

namespace VoiceNote.Infrastructure.Jobs;

public static class JobRegistration
{
    /// <summary>
    /// Registers a job handler of a module whose DbContext holds the queue (it applies
    /// <see cref="JobRecordConfiguration"/>); the first call also adds the queue and its worker.
    /// </summary>
    public static IServiceCollection AddJobHandler<TContext, THandler>(this IServiceCollection services, string kind)
        where TContext : ModuleDbContext
        where THandler : class, IJobHandler
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(JobKinds<TContext>))?.ImplementationInstance is not JobKinds<TContext> kinds)
        {
            kinds = new JobKinds<TContext>();
            services.AddSingleton(kinds);
            services.AddSingleton<JobQueue<TContext>>();
            services.AddSingleton<IFinishedJobs>(sp => sp.GetRequiredService<JobQueue<TContext>>());
            services.AddSingleton<IJobQueue>(provider => provider.GetRequiredService<JobQueue<TContext>>());
            services.AddHostedService<JobWorkerService<TContext>>();
            services.TryAddSingleton<JobChanges>();
        }

        kinds.Add(kind);
        services.AddScoped<IJobHandler, THandler>();
        return services;
    }

    /// <summary>
    /// The LISTEN connection that feeds <see cref="JobChanges"/>: only processes that serve progress
    /// streams need it, so worker processes hold no idle connection for it.
    /// </summary>
    public static IServiceCollection AddJobChangeListener(this IServiceCollection services)
    {
        services.TryAddSingleton<JobChanges>();
        services.AddHostedService<JobChangeListener>();
        return services;
    }
}

/// <summary>The job kinds a module's workers run.</summary>
public sealed class JobKinds<TContext>
    where TContext : ModuleDbContext
{
    private readonly List<string> _all = [];

    public IReadOnlyList<string> All => _all;

    internal void Add(string kind)
    {
        if (!_all.Contains(kind, StringComparer.Ordinal))
        {
            _all.Add(kind);
        }
    }
}
