using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Infrastructure.Outbound;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Application.Processing.Pipeline;

namespace VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;

internal static class AnalysisServices
{
    /// <summary>The largest chat answer read; a structured analysis is a few KiB, so more means something is wrong.</summary>
    public const long MaxAnswerBytes = 4 * 1024 * 1024;

    /// <summary>The offline analyser (stateless: one instance serves all) and the language models, chosen per owner.</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LocalAnalyser>();
        return services.AddChatAnalysis(configuration);
    }

    /// <summary>
    /// The language-model analysers (section <c>Analysis</c>) and the per-owner choice between them and the
    /// local rules.
    /// </summary>
    public static IServiceCollection AddChatAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatAnalysisOptions>().Bind(configuration.GetSection(ChatAnalysisOptions.Section));
        // Calls go through the outbound clients: each call has its own timeout (per provider), answers are read to
        // MaxAnswerBytes, and an owner's own server only through the guarded client (docs/decisions/0065).
        services.AddOutboundHttp(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatAnalyserFactory>();
        services.AddScoped<ITextAnalysers, TextAnalysers>();
        return services;
    }
}
