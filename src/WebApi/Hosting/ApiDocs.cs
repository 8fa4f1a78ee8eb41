namespace VoiceNote.WebApi.Hosting;

/// <summary>
/// The interactive API docs (Swagger UI at <c>/docs</c>): on in Development and test hosts, off in
/// Production unless <c>Api:Docs:Enabled</c> is true. The OpenAPI document itself is always served:
/// partners generate clients from it.
/// </summary>
internal static class ApiDocs
{
    public const string Path = "/docs";

    public static WebApplication UseVoiceNoteApiDocs(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Api:Docs:Enabled", !app.Environment.IsProduction()))
        {
            return app;
        }

        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "VoiceNote API v1");
            ui.RoutePrefix = Path.TrimStart('/');
            ui.DocumentTitle = "VoiceNote API";
        });
        return app;
    }
}
