using VoiceNote.Infrastructure.Modules;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.WebApi.Hosting;

namespace VoiceNote.WebApi.Cli;

/// <summary>
/// One executable, several roles: <c>serve</c> (default) runs the API, <c>migrate</c> applies every
/// module's migrations, <c>seed</c> writes development data, <c>worker</c> runs background work only,
/// <c>openapi FILE</c> writes the OpenAPI document.
/// </summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-'))?.ToLowerInvariant() ?? "serve";
        var rest = args.Where(a => !string.Equals(a, verb, StringComparison.OrdinalIgnoreCase)).ToArray();
        switch (verb)
        {
            case "serve":
                return await ServeAsync(rest);
            case "migrate":
                await using (var app = ApiHost.Build(rest))
                {
                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                    Console.WriteLine("Migrations applied.");
                }

                return 0;
            case "seed":
                await using (var app = ApiHost.Build(rest))
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        await Console.Error.WriteLineAsync(SeedRefused(app.Environment));
                        return 2;
                    }

                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                    await SeedAsync(app.Services);
                }

                return 0;
            case "worker":
                return await WorkerHost.RunAsync(rest);
            case "openapi":
                return await OpenApiDocumentFile.WriteAsync(rest);
            default:
                return await RunModuleVerbAsync(verb, rest);
        }
    }

    /// <summary>Verbs the modules add (create-admin, rotate-signing-key, backup …); most run after migrations.</summary>
    private static async Task<int> RunModuleVerbAsync(string verb, string[] args)
    {
        var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) || !a.Contains('=', StringComparison.Ordinal)).ToArray();
        await using var app = ApiHost.Build([]);
        var verbs = app.Services.GetServices<ICliVerb>().ToList();
        var match = verbs.FirstOrDefault(v => v.Name == verb);
        if (match is null)
        {
            var known = string.Join(", ", new[] { "serve (default)", "migrate", "seed", "worker" }.Concat(verbs.Select(v => v.Usage)));
            await Console.Error.WriteLineAsync($"Unknown verb '{verb}'. Verbs: {known}.");
            return 2;
        }

        if (match.MigratesFirst)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        return await match.RunAsync(options, app.Services, CancellationToken.None);
    }

    internal static async Task RunStartupTasksAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var app = ApiHost.Build(args);
        var database = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        await RunStartupTasksAsync(app.Services);
        if (app.Configuration.GetValue("Seed:OnStartup", false))
        {
            if (app.Environment.IsDevelopment())
            {
                await SeedAsync(app.Services);
            }
            else
            {
                app.Logger.LogWarning("Seed:OnStartup ignored: {Reason}", SeedRefused(app.Environment));
            }
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>The seed writes accounts with published passwords: never into a database that is not a developer's.</summary>
    private static string SeedRefused(IHostEnvironment environment) =>
        $"The seed writes development accounts with known passwords, so it runs only in Development (this is {environment.EnvironmentName}). "
        + "Create the first admin with the create-admin verb or Identity:FirstAdmin instead.";

    internal static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var seeders = scope.ServiceProvider.GetServices<IDevelopmentSeeder>().OrderBy(s => s.Order).ToList();
        if (seeders.Count == 0)
        {
            Console.WriteLine("Nothing to seed yet.");
        }

        foreach (var seeder in seeders)
        {
            foreach (var line in await seeder.SeedAsync(CancellationToken.None))
            {
                Console.WriteLine(line);
            }
        }
    }
}
