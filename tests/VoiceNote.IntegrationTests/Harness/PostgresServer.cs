using Npgsql;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// The PostgreSQL server of this test run, chosen once (docs/decisions/0008): VOICENOTE_TEST_DB when
/// set; otherwise a container with PostgreSQL + pgvector, shared by every fixture; where no container
/// can run (no Docker engine, no image), the project's local cluster through build/db.sh.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<Server> Current = new(Choose);

    /// <summary>A connection string to the server's maintenance database, with rights to create databases.</summary>
    public static string AdminConnectionString => Current.Value.ConnectionString;

    public static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MinPoolSize = 0, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>Removes the run's container, if it started one; an outside server or the local cluster is left as it is.</summary>
    public static async Task StopAsync()
    {
        if (Current.IsValueCreated && Current.Value.Container is { } container)
        {
            await container.DisposeAsync();
        }
    }

    private static Server Choose()
    {
        var configured = Environment.GetEnvironmentVariable("VOICENOTE_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Say("PostgreSQL: the server in VOICENOTE_TEST_DB");
            return new Server(configured, null);
        }

        var noContainer = Environment.GetEnvironmentVariable("VOICENOTE_TEST_NO_CONTAINER");
        if (string.IsNullOrWhiteSpace(noContainer))
        {
            try
            {
                var container = PostgresContainer.Start();
                Say($"PostgreSQL: a container from {container.Image} on {container.Endpoint}");
                return new Server(container.ConnectionString, container);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                noContainer = e.Message;
            }
        }

        Say($"PostgreSQL: no container ({noContainer.Trim()}); falling back to the local cluster through build/db.sh");
        return new Server(LocalCluster.Start(), null);
    }

    /// <summary>Shown in the test command's output and the test log, so a run says which server it used.</summary>
    private static void Say(string line)
    {
        TestContext.Progress.WriteLine(line);
        Console.Error.WriteLine(line);
    }

    private sealed record Server(string ConnectionString, PostgresContainer? Container);
}
