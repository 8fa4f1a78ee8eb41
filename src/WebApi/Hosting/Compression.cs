using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// Brotli or gzip for JSON answers (lists and search results shrink several-fold) and the web app's files. Audio is already
/// compressed and server-sent events must not be buffered, so neither is listed.
/// </summary>
internal static class Compression
{
    public static IServiceCollection AddVoiceNoteCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json", "text/markdown", "text/plain", "text/html", "text/javascript", "text/css"];
        });
        // Fastest: an API answer is small and latency matters more than the last few bytes.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
