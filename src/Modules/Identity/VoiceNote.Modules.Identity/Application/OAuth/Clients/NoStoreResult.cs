namespace VoiceNote.Modules.Identity.Application.OAuth.Clients;

/// <summary>An answer that carries a secret: no cache (browser, proxy) may keep it.</summary>
internal sealed class NoStoreResult(IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.Pragma = "no-cache";
        return inner.ExecuteAsync(httpContext);
    }
}
