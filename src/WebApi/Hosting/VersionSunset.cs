using System.Globalization;

namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// When a version of the API is being retired, every answer under its prefix says so: RFC 9745
/// <c>Deprecation</c> (since when), RFC 8594 <c>Sunset</c> (when it stops) and a <c>Link</c> to the
/// migration notes. Configured per version ("Api:Versions:v1:Deprecated", ":Sunset", ":Link"), so
/// announcing v1's end when v2 ships is a configuration change. Nothing is sent while none is set.
/// </summary>
internal sealed class VersionSunset(RequestDelegate next, IConfiguration configuration)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api", out var rest) && rest.Value is { Length: > 1 } tail)
        {
            var version = tail[1..].Split('/')[0];
            var section = configuration.GetSection($"{ApiOptions.Section}:Versions:{version}");
            var deprecated = section.GetValue<DateTimeOffset?>("Deprecated");
            var sunset = section.GetValue<DateTimeOffset?>("Sunset");
            var link = section.GetValue<string?>("Link");
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (deprecated is { } since)
                {
                    headers["Deprecation"] = "@" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                }

                if (sunset is { } end)
                {
                    headers["Sunset"] = end.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
                }

                if (link is not null && (deprecated is not null || sunset is not null))
                {
                    headers.Append("Link", $"<{link}>; rel=\"deprecation\"; type=\"text/html\"");
                }

                return Task.CompletedTask;
            });
        }

        return next(http);
    }
}
