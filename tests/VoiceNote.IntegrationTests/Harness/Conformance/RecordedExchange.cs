namespace VoiceNote.IntegrationTests.Harness.Conformance;

/// <summary>
/// One answer the host gave, as the OpenAPI document would describe it: the operation (method and
/// route pattern, null when no endpoint matched), the status, and the body when it was small enough to keep.
/// </summary>
internal sealed record RecordedExchange(
    string Method,
    string Path,
    string? Pattern,
    int Status,
    string? ContentType,
    string? ContentEncoding,
    byte[]? Body,
    bool BodyTruncated)
{
    public string Operation => $"{Method} {Pattern ?? Path}";
}
