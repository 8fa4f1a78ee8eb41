using System.Buffers;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VoiceNote.Infrastructure.Outbound;

/// <summary>
/// The two HttpClients the server calls engines through (docs/decisions/0065). <see cref="UserChosen"/> is for
/// every URL a user chose (an OpenAI-compatible server's base URL): its connections pass
/// <see cref="OutboundGuard"/>, it uses no proxy (a proxy would connect where the guard cannot look). <see cref="Operator"/>
/// is for the addresses in the operator's configuration (OpenAI, Groq, Deepgram, the embedding server). Neither
/// follows redirects (a key is not sent on to another address, and a moved API should fail loudly), decompresses
/// answers, logs header values, or has a client-wide timeout (each call has its own). Answers are read with
/// <see cref="ReadBoundedAsync"/>.
/// </summary>
public static class OutboundHttp
{
    public const string UserChosen = "engines-user-chosen";
    public const string Operator = "engines-operator";

    /// <summary>Registers the guard and both clients (section <c>Engines</c>); safe to call from every module that calls out.</summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(OutboundGuard)))
        {
            return services;
        }

        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.Section));
        services.AddSingleton<OutboundGuard>();
        services.AddHttpClient(UserChosen)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var guard = provider.GetRequiredService<OutboundGuard>();
                var handler = Handler(provider);
                handler.UseProxy = false;
                handler.ConnectCallback = guard.ConnectAsync;
                return handler;
            })
            .RedactLoggedHeaders(_ => true);
        services.AddHttpClient(Operator)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(Handler)
            .RedactLoggedHeaders(_ => true);
        return services;
    }

    /// <summary>The client for a URL: the guarded one when the user chose it.</summary>
    public static HttpClient For(this IHttpClientFactory clients, bool userChosen) =>
        clients.CreateClient(userChosen ? UserChosen : Operator);

    /// <summary>
    /// The body, read to its end but never past <paramref name="maxBytes"/>: a declared length over the limit is
    /// refused before reading, and a body that keeps coming is cut as soon as it passes the limit
    /// (<see cref="OutboundAnswerTooLargeException"/>).
    /// </summary>
    public static async Task<byte[]> ReadBoundedAsync(this HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new OutboundAnswerTooLargeException(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 16 * 1024, Math.Min(maxBytes, 1024 * 1024)));
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw new OutboundAnswerTooLargeException(maxBytes);
                }

                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return body.ToArray();
    }

    /// <summary>Whether the guard refused the connection behind this failure (HttpClient wraps the callback's exception).</summary>
    public static bool IsAddressRefused(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutboundAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    private static SocketsHttpHandler Handler(IServiceProvider provider) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = provider.GetRequiredService<IOptionsMonitor<OutboundOptions>>().CurrentValue.ConnectTimeout,
        // New connections are checked again: a pooled one is not kept for long after a name changes address.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };
}
