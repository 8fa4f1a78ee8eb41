using System.Globalization;
using Testcontainers.PostgreSql;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// PostgreSQL + pgvector in a container (Testcontainers), one per test run. The image is
/// VOICENOTE_TEST_PG_IMAGE (e.g. the public pgvector/pgvector:pg15) or the project's own, which
/// build/pg-image.sh builds from Debian packages when it is missing (docs/decisions/0008).
/// </summary>
internal sealed class PostgresContainer : IAsyncDisposable
{
    private const string DataDirectory = "/var/lib/postgresql/data";

    private readonly PostgreSqlContainer _container;

    private PostgresContainer(PostgreSqlContainer container, string image)
    {
        _container = container;
        Image = image;
    }

    public string Image { get; }

    public string ConnectionString => _container.GetConnectionString();

    public string Endpoint => $"{_container.Hostname}:{_container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)}";

    public static PostgresContainer Start()
    {
        // No registry is reachable on the project's machines, so Ryuk's image cannot be pulled: the run removes
        // its container itself, and build/test.sh removes what a killed run left. A developer's own settings win.
        DefaultSetting("TESTCONTAINERS_RYUK_DISABLED", "true");
        DefaultSetting("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
        var image = Environment.GetEnvironmentVariable("VOICENOTE_TEST_PG_IMAGE") is { Length: > 0 } configured ? configured : ProjectImage();

        // The builder already turns fsync, full_page_writes and synchronous_commit off (throwaway data). The rest as in
        // build/db.sh's cluster: 300 connections for four parallel fixtures' pools (20 each), their hosts' background
        // work and the tests' worker processes. Data in memory; /dev/shm large enough for pgvector's parallel HNSW build.
        var container = new PostgreSqlBuilder()
            .WithImage(image)
            .WithUsername("voicenote")
            .WithPassword("voicenote")
            .WithDatabase("voicenote")
            .WithCommand("-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "maintenance_work_mem=512MB")
            .WithTmpfsMount(DataDirectory)
            .WithLabel("org.voicenote.tests.pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            .WithCreateParameterModifier(parameters =>
            {
                parameters.HostConfig.ShmSize = 1L << 30;
                foreach (var binding in parameters.HostConfig.PortBindings?.Values.SelectMany(b => b) ?? [])
                {
                    binding.HostIP = "127.0.0.1";
                }
            })
            .Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            container.StartAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch
        {
            container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return new PostgresContainer(container, image);
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    private static string ProjectImage()
    {
        var output = Bash.Run(["build/pg-image.sh"]);
        return output.ExitCode switch
        {
            0 => output.LastLine,
            3 => throw new InvalidOperationException("no Docker engine answers"),
            _ => throw new InvalidOperationException($"build/pg-image.sh failed ({output.ExitCode}): {output.Errors.Trim().Split('\n').Last()}"),
        };
    }

    private static void DefaultSetting(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
