using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// A TCP forwarder on 127.0.0.1 between one fixture's API host and the PostgreSQL server, so a test can
/// take the database away from that host alone: <see cref="Cut"/> stops listening (new connections are
/// refused) and resets every connection it carries, as a restart or a network outage would; <see
/// cref="Restore"/> listens again on the same port. The server itself, which parallel fixtures share,
/// is never touched. The fixture's own direct connection (<see cref="DatabaseFixture.DatabaseConnectionString"/>)
/// does not pass through it, so a test can still read and write while the host cannot.
/// </summary>
internal sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _pipes = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _gate = new();
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;
    private int _nextPipe;

    private DatabaseOutage(IPEndPoint target, string connectionString)
    {
        _target = target;
        Listen(port: 0);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Host = IPAddress.Loopback.ToString(), Port = Port };
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The fixture's connection string, through this forwarder.</summary>
    public string ConnectionString { get; }

    public int Port { get; private set; }

    /// <summary>Whether the database is reachable through the forwarder now.</summary>
    public bool IsUp
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    /// <summary>Connections carried so far (a test can check the host really goes through the forwarder).</summary>
    public int ConnectionsCarried => Volatile.Read(ref _nextPipe);

    /// <summary>A forwarder to the server <paramref name="connectionString"/> names (its host must be an address or localhost).</summary>
    public static DatabaseOutage Start(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = builder.Host is null or "localhost" ? IPAddress.Loopback.ToString() : builder.Host;
        return new DatabaseOutage(new IPEndPoint(IPAddress.Parse(host), builder.Port), connectionString);
    }

    /// <summary>The database goes away: the port refuses connections and every open one is reset.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
        }

        foreach (var id in _pipes.Keys)
        {
            if (_pipes.TryRemove(id, out var pipe))
            {
                Reset(pipe.Client);
                Reset(pipe.Server);
            }
        }
    }

    /// <summary>The database is back on the same port.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is null)
            {
                Listen(Port);
            }
        }
    }

    /// <summary>Cuts the database for <paramref name="duration"/>, running <paramref name="meanwhile"/> during it, then restores it.</summary>
    public async Task DuringAsync(TimeSpan duration, Func<Task>? meanwhile = null)
    {
        var until = DateTime.UtcNow + duration;
        Cut();
        try
        {
            if (meanwhile is not null)
            {
                await meanwhile();
            }

            var left = until - DateTime.UtcNow;
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left);
            }
        }
        finally
        {
            Restore();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _disposed.Dispose();
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger 0: close with a reset, as a dead server or a broken network gives, not a polite FIN.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    private void Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // The port is taken again after a cut, while the connections it carried may still be in TIME_WAIT.
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(128);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (!_disposed.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_disposed.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // cut or disposed
            }

            _ = Task.Run(() => CarryAsync(client));
        }
    }

    private async Task CarryAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(_target, _disposed.Token);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Reset(client);
            Reset(server);
            return;
        }

        var id = Interlocked.Increment(ref _nextPipe);
        _pipes[id] = (client, server);
        if (!IsUp)
        {
            // Cut while this one was connecting.
            _pipes.TryRemove(id, out _);
            Reset(client);
            Reset(server);
            return;
        }

        await Task.WhenAll(PumpAsync(client, server), PumpAsync(server, client));
        if (_pipes.TryRemove(id, out _))
        {
            Close(client);
            Close(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // One side broke: so does the other, as a real network path would.
            Reset(from);
            Reset(to);
        }
    }

    private static void Close(Socket socket)
    {
        try
        {
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
