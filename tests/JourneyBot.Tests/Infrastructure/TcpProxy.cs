using System.Net;
using System.Net.Sockets;

namespace JourneyBot.Tests.Infrastructure;

// A loopback TCP relay that can be switched off: while it is down it drops every open connection and refuses
// new ones, the way a storage account looks to an app during an outage.
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private volatile bool _down;

    public int Port { get; }

    private TcpProxy(int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public static TcpProxy To(int port) => new(port);

    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (!value) return;
            lock (_lock)
            {
                foreach (var client in _open) client.Dispose();
                _open.Clear();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_down)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }
            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        using var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            lock (_lock)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }
            using var a = inbound.GetStream();
            using var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped connection is the point of this class.
        }
        finally
        {
            inbound.Dispose();
            lock (_lock)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Down = true;
        return ValueTask.CompletedTask;
    }
}
