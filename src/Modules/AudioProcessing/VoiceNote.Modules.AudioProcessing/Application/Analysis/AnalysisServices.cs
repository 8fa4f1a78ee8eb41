using Microsoft.Extensions.DependencyInjection;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>
/// Registers the offline analyser; the module installer calls this (stateless, so one instance serves
/// all). The per-owner choice (<see cref="ITranscriptAnalyzers"/>) is registered with the language-model
/// adapters in <c>Infrastructure/Analysis/ChatAnalysisServices</c>.
/// </summary>
internal static class AnalysisServices
{
    public static IServiceCollection AddLocalAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<LocalAnalyzer>();
        services.AddSingleton<ITranscriptAnalyzer>(provider => provider.GetRequiredService<LocalAnalyzer>());
        return services;
    }
}
