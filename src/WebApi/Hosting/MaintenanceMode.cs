using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Settings;

namespace VoiceNote.WebApi.Hosting;

/// <summary>Section <c>Operations</c>: maintenance mode, an operator's setting (ADR 0086).</summary>
internal sealed class MaintenanceOptions
{
    public const string Section = "Operations";

    /// <summary>While true the service is read-only: every write answers 503 <c>maintenance</c>.</summary>
    public bool MaintenanceMode { get; set; }
}

/// <summary>
/// Read-only while an operator works on the service (a restore, a migration, a move): reads are served, writes
/// answer 503 with Retry-After, and nothing is half done. Signing in and the settings routes stay open, so an
/// operator can always sign in and switch it off again.
/// </summary>
internal sealed class MaintenanceMode(RequestDelegate next, IOptionsMonitor<MaintenanceOptions> options)
{
    public const string Code = "maintenance";

    private const int RetryAfterSeconds = 60;

    private static readonly string[] OpenWhileMaintained = ["/api/v1/admin/settings", "/api/v1/auth/sign-in", "/api/v1/auth/refresh", "/connect/"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!options.CurrentValue.MaintenanceMode || IsRead(context.Request.Method)
            || OpenWhileMaintained.Any(p => context.Request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The service is in maintenance and read-only for now; nothing was changed. Try again later.",
                Extensions = { ["code"] = Code, ["retryAfterSeconds"] = RetryAfterSeconds },
            },
        });
    }

    public static void AddSetting(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.Section));
        services.AddSetting<MaintenanceOptions>($"{MaintenanceOptions.Section}:{nameof(MaintenanceOptions.MaintenanceMode)}", SettingKind.Boolean,
            "Read-only mode: writes answer 503 until it is switched off (signing in and these settings stay open).", o => o.MaintenanceMode);
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
