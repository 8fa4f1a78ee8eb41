using VoiceNote.WebApi.Hosting;
using VoiceNote.WebApi.Observability;

namespace VoiceNote.WebApi.Cli;

/// <summary>
/// The <c>worker</c> role: the same services without HTTP. Background services registered by the
/// infrastructure and the modules (outbox dispatch, job workers) do the work; any number of worker
/// processes may share one database.
/// </summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.AddVoiceNoteLogging(builder.Configuration);
        builder.Services.AddVoiceNote(builder.Configuration);
        // No HTTP here: a worker's figures and spans leave through OTLP only.
        builder.Services.AddVoiceNoteTelemetry(builder.Configuration, servesScrape: false);
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }
}
