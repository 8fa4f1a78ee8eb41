using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;

namespace VoiceNote.IntegrationTests.AudioProcessing.Storage;

/// <summary>
/// kill -9 during uploads (issue 12): a real server process receives uploads, some cut off half-way and
/// some completing one after another, and is killed. What the crash left is real: temp files of the
/// unfinished uploads, and perhaps a stored file whose row never committed. After the grace period one
/// sweep leaves no temp file and no orphan, and every recording that committed keeps its file.
/// </summary>
public sealed class KilledUploadsTests : DatabaseFixture
{
    private const int SampleRate = 16_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Sweep:Enabled"] = "false",
        ["Jobs:Enabled"] = "false",
    };

    private string AudioFolder => Path.Combine(Api.StorageRoot, "audio");

    [Test]
    public async Task After_a_kill_mid_upload_one_sweep_leaves_no_temp_file_and_no_orphan()
    {
        var account = await this.CreateAccountAsync("killed");
        var port = LoopbackPorts.Closed();
        var server = HostProcess.Server(port, ConnectionString, Api.StorageRoot, new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "false",
            ["Storage:Sweep:Enabled"] = "false",
            // Plain HTTP on loopback, as behind a TLS-terminating proxy.
            ["Identity:AllowHttp"] = "true",
        });
        await using (server)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            Assert.That(await ProcessingApi.EventuallyAsync(async () => await HostProcess.AnswersAsync(http), TimeSpan.FromSeconds(60)), Is.True, "the server process started");
            // Signed in there: a token names the issuer it came from.
            var (token, _, _) = await TestAccounts.SignInAsync(http, account.Email, account.Password);
            http.DefaultRequestHeaders.Authorization = TestAccounts.Bearer(token);

            using var stop = new CancellationTokenSource();
            var unfinished = Enumerable.Range(0, 3).Select(_ => QuietlyAsync(http.PostAsync("/api/v1/audio", new NeverEndingWav(stop.Token), stop.Token))).ToList();
            var completed = 0;
            var answers = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode?>();
            var steady = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var answer = await QuietlyAsync(http.PostAsync("/api/v1/audio", WavOfNoise(), stop.Token));
                    answers.Add(answer);
                    if (answer == HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref completed);
                    }
                    else if (answer is not null)
                    {
                        break;
                    }
                }
            });

            Assert.That(await ProcessingApi.EventuallyAsync(
                () => Task.FromResult(TempFiles().Length >= 3 && Volatile.Read(ref completed) >= 3), TimeSpan.FromSeconds(60)), Is.True,
                () => $"uploads were under way ({TempFiles().Length} temp files) and others had completed: {string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Key?.ToString() ?? "cut off"} x{g.Count()}"))}");
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll([.. unfinished, QuietlyAsync(steady)]);
        }

        Assert.That(TempFiles(), Is.Not.Empty, "the crash left temp files (else this test proves nothing)");
        var committed = await CommittedRecordingsAsync(account);
        Assert.That(committed, Has.Count.GreaterThanOrEqualTo(3));

        // The grace period has passed for everything the crash left.
        foreach (var file in Directory.EnumerateFiles(AudioFolder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }

        await Api.Services.GetRequiredService<StaleFileSweeper>().SweepAsync(CancellationToken.None);

        var stored = Directory.EnumerateFiles(Path.Combine(AudioFolder, "owners", account.UserId.ToString()))
            .Select(path => Guid.Parse(Path.GetFileNameWithoutExtension(path))).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(Directory.EnumerateFiles(AudioFolder, "*.part", SearchOption.AllDirectories), Is.Empty, "no temp file survives");
            Assert.That(stored, Is.EquivalentTo(committed), "every stored file has its row (no orphan) and every row its file");
        });
    }

    private string[] TempFiles() =>
        Directory.Exists(Path.Combine(AudioFolder, "tmp")) ? Directory.GetFiles(Path.Combine(AudioFolder, "tmp"), "*.part") : [];

    private async Task<HashSet<Guid>> CommittedRecordingsAsync(TestAccount account) =>
        [.. await ScalarAsync<Guid[]>($"SELECT coalesce(array_agg(id), '{{}}') FROM audio.audio_files WHERE owner_id = '{account.UserId}'")];


    /// <summary>The status of a request the kill may cut off; none when it was.</summary>
    private static async Task<HttpStatusCode?> QuietlyAsync(Task<HttpResponseMessage> request)
    {
        try
        {
            using var response = await request;
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    private static async Task QuietlyAsync(Task work)
    {
        try
        {
            await work;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One second of noise: different bytes every time, so no upload is a duplicate of another.</summary>
    private static ByteArrayContent WavOfNoise()
    {
        var samples = new byte[SampleRate * 2];
        Random.Shared.NextBytes(samples);
        var content = new ByteArrayContent([.. WavHeader(samples.Length), .. samples]);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return content;
    }

    private static byte[] WavHeader(int dataLength)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + dataLength);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), dataLength);
        return header;
    }

    /// <summary>A WAV that announces a minute of audio and sends it slowly, until the test stops it: an upload in flight.</summary>
    private sealed class NeverEndingWav : HttpContent
    {
        private const int DataLength = SampleRate * 2 * 60;
        private readonly CancellationToken _stop;

        public NeverEndingWav(CancellationToken stop)
        {
            _stop = stop;
            Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            Headers.ContentLength = 44 + DataLength;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(WavHeader(DataLength), _stop);
            var chunk = new byte[16 * 1024];
            for (var sent = 0; sent + chunk.Length < DataLength; sent += chunk.Length)
            {
                Random.Shared.NextBytes(chunk);
                await stream.WriteAsync(chunk, _stop);
                await stream.FlushAsync(_stop);
                await Task.Delay(100, _stop);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 44 + DataLength;
            return true;
        }
    }
}
