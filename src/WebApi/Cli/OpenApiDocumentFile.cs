using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VoiceNote.WebApi.Hosting;

namespace VoiceNote.WebApi.Cli;

/// <summary>
/// <c>openapi FILE</c>: writes the OpenAPI document to a file without serving or touching the database,
/// so the web app's build can generate its types from it (docs/decisions/0091) before the host starts.
/// </summary>
internal static class OpenApiDocumentFile
{
    public const string DocumentName = "v1";

    public static async Task<int> WriteAsync(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (file is null)
        {
            await Console.Error.WriteLineAsync("Usage: openapi FILE (writes the OpenAPI document there).");
            return 2;
        }

        await using var app = ApiHost.Build([.. args.Where(a => a != file)]);
        // The routes reach the API explorer when the pipeline is built at start; this host never starts.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(CancellationToken.None);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, json);
        Console.WriteLine($"OpenAPI document written to {file}.");
        return 0;
    }
}
