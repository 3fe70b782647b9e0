namespace JourneyBot.Tests.Infrastructure;

// A real Azurite (from infra/node_modules) on free loopback ports, in memory, for one fixture or test.
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private ChildProcess? _process;
    private int _blobPort;

    public int TablePort { get; private set; }
    public int QueuePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;";

    // Azurite's blob service on the same account (where backups go in the backup tests).
    public string BlobConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        // A port found free can be taken by another test's server before Azurite binds it; Azurite then exits, and
        // a fresh set of ports is tried.
        for (var attempt = 1; ; attempt++)
        {
            var server = new AzuriteServer { TablePort = FreePort.Next(), QueuePort = FreePort.Next(), _blobPort = FreePort.Next() };
            try
            {
                await server.LaunchAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await server.DisposeAsync();
            }
        }
    }

    // Storage that comes back empty (a new account, a restore): this Azurite stops and a fresh, empty one starts on
    // the same ports, so whatever holds the connection string now talks to the empty one.
    public async Task RestartEmptyAsync()
    {
        _process?.Dispose();
        await LaunchAsync();
    }

    private async Task LaunchAsync()
    {
        var process = _process = ChildProcess.Start(RepoPaths.NodeBin("azurite"),
        [
            "--inMemoryPersistence", "--silent", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
        ], Path.GetTempPath());
        // All three: Azurite binds them one after another and exits as a whole when any of them is taken.
        foreach (var port in new[] { _blobPort, QueuePort, TablePort })
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => process.ReadLog(), () => process.HasExited);
        }
        // Something else listening on a port (taken while it was free) would pass for this Azurite.
        await Task.Delay(100);
        if (process.HasExited) throw new InvalidOperationException($"Azurite exited on start: {process.ReadLog()}");
    }

    public void Stop() => _process?.Stop();

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
