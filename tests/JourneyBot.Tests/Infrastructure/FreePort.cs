using System.Net;
using System.Net.Sockets;

namespace JourneyBot.Tests.Infrastructure;

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // exited: the server process is gone, so nothing will listen (no need to wait out the timeout).
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string>? describe = null, Func<bool>? exited = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (exited?.Invoke() == true)
            {
                throw new InvalidOperationException($"The server stopped before 127.0.0.1:{port} listened. {describe?.Invoke()}");
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds} s. {describe?.Invoke()}");
            }
        }
    }
}
