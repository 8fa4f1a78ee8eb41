using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddHttpClient(ChatAnalyserFactory.HttpClientName, client =>
        {
            // Each call has its own timeout (per provider); the client's fixed 100 s would cut that short or long.
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.MaxResponseContentBufferSize = MaxAnswerBytes;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatAnalyserFactory>();
        services.AddScoped<ITextAnalysers, TextAnalysers>();
        return services;
    }
}
