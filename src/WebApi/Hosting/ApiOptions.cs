namespace VoiceNote.WebApi.Hosting;

/// <summary>Bound from the "Api" section.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted by default; upload endpoints raise it for themselves.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public static ApiOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ApiOptions>() ?? new ApiOptions();
}
