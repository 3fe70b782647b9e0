namespace JourneyBot.Tests.Infrastructure;

// A real Azurite (from infra/node_modules) on free loopback ports, in memory, for one fixture or test.
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private ChildProcess? _process;

    public int TablePort { get; private set; }
    public int QueuePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer { TablePort = FreePort.Next(), QueuePort = FreePort.Next() };
        var blobPort = FreePort.Next();
        server._process = ChildProcess.Start(RepoPaths.NodeBin("azurite"),
        [
            "--inMemoryPersistence", "--silent", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", server.QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", server.TablePort.ToString(),
        ], Path.GetTempPath());
        await FreePort.WaitUntilListeningAsync(server.TablePort, TimeSpan.FromSeconds(30), () => server._process.ReadLog());
        return server;
    }

    public void Stop() => _process?.Stop();

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
