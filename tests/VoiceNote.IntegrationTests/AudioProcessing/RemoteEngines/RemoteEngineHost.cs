using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Speech;
using VoiceNote.Modules.AudioProcessing.Speech.Remote;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>One part of a multipart form the adapter sent.</summary>
internal sealed record FormPart(string? FileName, string? ContentType, byte[] Data)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Data);
}

/// <summary>
/// A <see cref="WireServer"/> standing in for every remote engine at once (OpenAI under <c>/v1</c>, Groq
/// under <c>/openai/v1</c>, a self-hosted server under <c>/selfhosted/v1</c>, Deepgram at the root), and
/// recognisers built by the module's real registration (<c>AddRemoteSpeech</c>) pointed at it. The owner's
/// openai-compatible server goes through the guarded client, so 127.0.0.1 is on the allow-list unless a test's
/// settings say otherwise.
/// </summary>
internal sealed class RemoteEngineHost : IAsyncDisposable
{
    public const string Key = "sk-test-9f8e7d6c5b4a";

    private readonly List<ServiceProvider> _providers = [];

    private RemoteEngineHost(WireServer wire, string folder)
    {
        Wire = wire;
        Folder = folder;
    }

    public WireServer Wire { get; }

    /// <summary>Scratch folder for this fixture's audio, removed on dispose.</summary>
    public string Folder { get; }

    /// <summary>Everything logged by the recognisers and their HttpClients, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    public static async Task<RemoteEngineHost> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"vn-remote-speech-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new RemoteEngineHost(await WireServer.StartAsync(), folder);
    }

    /// <summary>
    /// The recogniser for <paramref name="engine"/> with an owner's key, with extra settings (e.g.
    /// <c>Speech:OpenAi:MaxDuration</c>), talking to <paramref name="server"/> (the wire server by default).
    /// </summary>
    public ISpeechRecognizer Recognizer(string engine, IDictionary<string, string?>? settings = null, string key = Key, Uri? server = null)
    {
        server ??= Wire.BaseAddress;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Speech:OpenAi:BaseUrl"] = server + "v1",
            ["Speech:Groq:BaseUrl"] = server + "openai/v1",
            ["Speech:Deepgram:BaseUrl"] = server.ToString(),
            // The owner's self-hosted server is this machine: the operator allows it, as for a LAN Whisper server (ADR 0065).
            ["Engines:AllowedHosts:0"] = "127.0.0.1",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging();
        Logs.AddTo(services);
        services.AddRemoteSpeech(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);

        var remote = RemoteEngineCatalog.All.Single(e => e.Name == engine);
        var baseUrl = remote == RemoteEngineCatalog.OpenAiCompatible ? server + "selfhosted/v1" : null;
        return provider.GetRequiredService<RemoteRecognizers>().Create(remote, new ProviderCredential(remote.Provider, key, baseUrl))
            ?? throw new InvalidOperationException("No recogniser");
    }

    /// <summary>A PCM file of <paramref name="seconds"/> of a 440 Hz tone (what the engine hears does not matter to a stand-in).</summary>
    public string TonePcm(double seconds)
    {
        var samples = (int)(seconds * PcmFormat.SampleRate);
        var bytes = new byte[samples * PcmFormat.BytesPerSample];
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / PcmFormat.SampleRate)));
        }

        var path = Path.Combine(Folder, $"tone-{Guid.NewGuid():N}.pcm");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static async Task<IReadOnlyDictionary<string, FormPart>> FormAsync(WireRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new Dictionary<string, FormPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var data = new MemoryStream();
            await section.Body.CopyToAsync(data);
            parts[HeaderUtilities.RemoveQuotes(disposition.Name).Value!] =
                new FormPart(HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, data.ToArray());
        }

        return parts;
    }

    /// <summary>Checks a canonical 16 kHz mono 16-bit WAV header whose sizes match its data, and returns the data.</summary>
    public static byte[] AssertWav(byte[] wav)
    {
        Assert.That(wav, Has.Length.GreaterThanOrEqualTo(44));
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.ASCII.GetString(wav, 0, 4), Is.EqualTo("RIFF"));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4)), Is.EqualTo(wav.Length - 8), "RIFF size");
            Assert.That(System.Text.Encoding.ASCII.GetString(wav, 8, 8), Is.EqualTo("WAVEfmt "));
            Assert.That(BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20)), Is.EqualTo(1), "PCM");
            Assert.That(BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22)), Is.EqualTo(1), "mono");
            Assert.That(BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)), Is.EqualTo(16000), "sample rate");
            Assert.That(BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)), Is.EqualTo(16), "bits per sample");
            Assert.That(System.Text.Encoding.ASCII.GetString(wav, 36, 4), Is.EqualTo("data"));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(40)), Is.EqualTo(wav.Length - 44), "data size");
        });
        return wav[44..];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Wire.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
