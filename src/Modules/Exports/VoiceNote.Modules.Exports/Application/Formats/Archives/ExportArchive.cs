using System.IO.Compression;
using System.Text.Json;
using VoiceNote.Modules.Exports.Application.Writing;

namespace VoiceNote.Modules.Exports.Application.Formats.Archives;

/// <summary>
/// A zip written entry by entry straight to the export's stream (never built in memory: a zip on a stream that cannot
/// seek writes each entry's sizes after its data). Every entry's size and SHA-256 go into <c>manifest.json</c>, the
/// last entry, so whoever unpacks it can check each file.
/// </summary>
internal sealed class ExportArchive(Stream output, string kind, DateTimeOffset createdAt) : IAsyncDisposable
{
    public const string ManifestName = "manifest.json";

    /// <summary>snake_case like the API, indented for people who open the files.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);
    private readonly List<ManifestEntry> _entries = [];

    /// <summary>Writes one entry through <paramref name="write"/>; already compressed media is stored as it is.</summary>
    public async Task AddAsync(string path, Func<Stream, Task> write, bool compress = true)
    {
        var entry = _zip.CreateEntry(path, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
        entry.LastWriteTime = createdAt;
        await using var stream = await entry.OpenAsync();
        await using var hashing = new HashingStream(stream);
        await write(hashing);
        _entries.Add(new ManifestEntry(path, hashing.Written, hashing.Sha256()));
    }

    public Task AddJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        AddAsync(path, stream => JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken));

    /// <summary>Copies a stored file in (a recording's original audio) without recompressing it.</summary>
    public Task AddFileAsync(string path, string sourcePath, CancellationToken cancellationToken) =>
        AddAsync(path, async stream =>
        {
            await using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await source.CopyToAsync(stream, 1 << 16, cancellationToken);
        }, compress: false);

    /// <summary>Writes the manifest and the zip's central directory.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        var manifest = new Manifest(kind, 1, createdAt, _entries);
        var entry = _zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(stream, manifest, Json, cancellationToken);
        }

        await _zip.DisposeAsync();
    }

    public ValueTask DisposeAsync() => _zip.DisposeAsync();

    /// <summary>A name that is safe as one path segment in any unpacker: letters, digits, dash and underscore only.</summary>
    public static string Segment(string text, int max = 60)
    {
        var safe = new string(text.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal))
        {
            safe = safe.Replace("--", "-", StringComparison.Ordinal);
        }

        return safe.Length == 0 ? "untitled" : safe[..Math.Min(max, safe.Length)];
    }

    private sealed record Manifest(string Kind, int FormatVersion, DateTimeOffset CreatedAt, IReadOnlyList<ManifestEntry> Files);

    private sealed record ManifestEntry(string Path, long Bytes, string Sha256);
}
