using Microsoft.Extensions.DependencyInjection;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>Registers the offline analyser; the module installer calls this (stateless, so one instance serves all).</summary>
internal static class AnalysisServices
{
    public static IServiceCollection AddLocalAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<LocalAnalyzer>();
        services.AddSingleton<ITranscriptAnalyzer>(provider => provider.GetRequiredService<LocalAnalyzer>());
        services.AddScoped<ITranscriptAnalyzers, TranscriptAnalyzers>();
        return services;
    }
}
