namespace VoiceNote.IntegrationTests.Harness.Conformance;

/// <summary>The document is the same for every test host, so it is read once per run.</summary>
internal static class OpenApiContracts
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static OpenApiContract? _contract;

    public static async Task<OpenApiContract> OfAsync(HttpClient host)
    {
        if (_contract is { } known)
        {
            return known;
        }

        await Gate.WaitAsync();
        try
        {
            return _contract ??= OpenApiContract.Parse(await host.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        }
        finally
        {
            Gate.Release();
        }
    }
}
