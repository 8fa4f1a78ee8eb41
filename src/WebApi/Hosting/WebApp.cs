using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// Serves the web app (web/, built by Vite; docs/decisions/0091) at <c>/</c> from the folder
/// <c>Web:Root</c>: hashed files under <c>/assets/</c> cached for a year as immutable, everything else
/// (index.html above all) revalidated on every load, a strict Content-Security-Policy on all of it, and
/// the app's own routes answered with index.html. Only requests no endpoint matched reach it, and never
/// the server's own paths, so the API, /connect, health, metrics and the documents keep their answers.
/// </summary>
internal static class WebApp
{
    public const string Section = "Web";

    /// <summary>No inline script or style, nothing from another origin, no framing, no plugin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string AssetsPath = "/assets/";
    private const string IndexFile = "index.html";
    private const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Paths that belong to the server: a miss there is a 404, never the app's page.</summary>
    private static readonly string[] ServerPaths = ["/api", "/connect", "/health", "/metrics", "/openapi", "/docs", "/.well-known"];

    public static WebApplication UseVoiceNoteWebApp(this WebApplication app)
    {
        var root = Root(app.Configuration, app.Environment);
        app.UseWhen(IsForTheApp, branch =>
        {
            branch.Use((http, next) =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                return next(http);
            });
            if (!File.Exists(Path.Combine(root, IndexFile)))
            {
                app.Logger.LogWarning("The web app is not built ({Index} is missing): / answers 404. Run build/run.sh, or build web/ and set {Section}:Root.", Path.Combine(root, IndexFile), Section);
                branch.Run(NotBuilt);
                return;
            }

            var files = new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    file.Context.Request.Path.StartsWithSegments(AssetsPath.TrimEnd('/'), StringComparison.Ordinal) ? Immutable : "no-cache",
            };
            branch.UseStaticFiles(files);
            // A path without an extension is one of the app's routes (/notes, /callback ...): its page is index.html.
            branch.Use((http, next) =>
            {
                if (Path.HasExtension(http.Request.Path.Value) || http.Request.Path.StartsWithSegments(AssetsPath.TrimEnd('/'), StringComparison.Ordinal))
                {
                    return next(http);
                }

                http.Request.Path = "/" + IndexFile;
                return next(http);
            });
            branch.UseStaticFiles(files);
        });
        return app;
    }

    /// <summary>The built app's folder: <c>Web:Root</c> (relative to the content root), else wwwroot beside the program.</summary>
    internal static string Root(IConfiguration configuration, IHostEnvironment environment) =>
        configuration[$"{Section}:Root"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "wwwroot");

    private static bool IsForTheApp(HttpContext http) =>
        http.GetEndpoint() is null
        && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && !ServerPaths.Any(prefix => http.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static Task NotBuilt(HttpContext http)
    {
        if (http.Request.Path != "/")
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        return http.Response.WriteAsync("VoiceNote's web app is not built. build/run.sh builds it (npm ci and npm run build in web/); the API is at /api/v1 and its document at /openapi/v1.json.\n");
    }
}
