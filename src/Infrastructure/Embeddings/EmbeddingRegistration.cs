using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceNote.Application.Embeddings;
using VoiceNote.Infrastructure.Outbound;

namespace VoiceNote.Infrastructure.Embeddings;

public static class EmbeddingRegistration
{
    /// <summary>
    /// Registers the embedding generator chosen by "Embeddings:Provider": the local sentence model
    /// (default, offline; one per process) or the OpenAI-compatible adapter. Safe to call from several modules.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IEmbeddingGenerator)))
        {
            return services;
        }

        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.Section));
        services.AddOutboundHttp(configuration);
        services.TryAddScoped<OpenAiEmbeddingGenerator>();
        services.TryAddSingleton<LocalSentenceEmbeddingGenerator>();
        // Chosen per resolution from the final configuration, so hosts and tests can switch it late.
        services.AddScoped<IEmbeddingGenerator>(provider =>
            string.Equals(provider.GetRequiredService<IConfiguration>()[$"{EmbeddingOptions.Section}:Provider"], "openai", StringComparison.OrdinalIgnoreCase)
                ? provider.GetRequiredService<OpenAiEmbeddingGenerator>()
                : provider.GetRequiredService<LocalSentenceEmbeddingGenerator>());
        return services;
    }
}
