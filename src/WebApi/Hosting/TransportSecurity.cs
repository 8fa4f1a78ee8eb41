using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// What a service on the open internet needs around every answer (ADR 0068):
/// <list type="bullet">
/// <item>Forwarded headers only from the proxies an operator names (<c>ForwardedHeaders:KnownProxies</c>,
/// <c>:KnownNetworks</c>): then the client's address (rate limits, audit) and scheme are the real ones,
/// and nobody else can claim them.</item>
/// <item>Outside Development, HSTS (one year, subdomains) and redirection to HTTPS when the server
/// knows an HTTPS port.</item>
/// <item>On every answer: no MIME sniffing, no framing, no referrer, and a content policy that lets an
/// API answer load nothing. Pages that render HTML set their own policy first; the docs UI has none.</item>
/// </list>
/// </summary>
internal static class TransportSecurity
{
    public const string Section = "ForwardedHeaders";

    private const string ApiContentPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddVoiceNoteTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseVoiceNoteTransportSecurity(this WebApplication app)
    {
        if (app.Configuration.GetSection($"{Section}:KnownProxies").Exists() || app.Configuration.GetSection($"{Section}:KnownNetworks").Exists())
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (!headers.ContentSecurityPolicy.Any() && !context.Request.Path.StartsWithSegments(ApiDocs.Path))
                {
                    headers.ContentSecurityPolicy = ApiContentPolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
