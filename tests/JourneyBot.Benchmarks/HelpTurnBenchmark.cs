using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Benchmarks;

// `help` turns with full JWT validation and a connector reply, against the real app on loopback with Azurite,
// a local OpenID endpoint and a local fake connector. Load generator, bot and fakes share this machine.
public static class HelpTurnBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"Starting Azurite, the local channel and the bot ({Environment.ProcessorCount} cores)...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        var appId = Guid.NewGuid().ToString();
        using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, appId).Start();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = bot.BaseAddress,
        };
        // One token per run, as the channel reuses a token for its lifetime.
        var token = channel.MintToken(appId);
        var conversations = Enumerable.Range(0, options.Concurrency).Select(_ => new Activities(channel.ServiceUrl, appId)).ToArray();
        var bodies = conversations.Select(c => c.Message("help").ToJsonString()).ToArray();

        // Install each conversation first, so the measured turns are turns in known conversations.
        foreach (var conversation in conversations) await SendAsync(http, token, conversation.Installation("add").ToJsonString());

        await RunLoadAsync(http, token, bodies, options.Warmup, options.Concurrency, options.TimeLimit);

        var storageBefore = StorageMetrics.Total;
        var callsBefore = channel.Calls.Count;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var result = await RunLoadAsync(http, token, bodies, options.Turns, options.Concurrency, options.TimeLimit);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var storage = StorageMetrics.Total - storageBefore;
        var replies = channel.Calls.Count - callsBefore;

        Console.WriteLine();
        Console.WriteLine($"help turns (JWT + connector reply), concurrency {options.Concurrency}");
        Console.WriteLine($"  turns              {result.Completed:N0} ({result.Failures} failed), connector replies {replies:N0}");
        Console.WriteLine($"  throughput         {result.PerSecond:N0} turns/s over {result.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"  latency p50/p90/p99 {result.Percentile(0.50):N2} / {result.Percentile(0.90):N2} / {result.Percentile(0.99):N2} ms (max {result.Percentile(1):N2})");
        Console.WriteLine($"  storage            {(double)storage / result.Completed:N3} transactions/turn ({storage} in all)");
        Console.WriteLine($"  allocated          {allocated / result.Completed / 1024.0:N1} KB/turn (bot, fakes and load generator together), gen0 GCs {GC.CollectionCount(0) - gen0Before}");
    }

    private static Task<LoadResult> RunLoadAsync(HttpClient http, string token, string[] bodies, int turns, int concurrency, TimeSpan timeLimit) =>
        LoadRun.RunAsync(turns, concurrency, timeLimit, async (worker, _) => LoadRun.IsOk(await SendAsync(http, token, bodies[worker])));

    internal static async Task<HttpStatusCode> SendAsync(HttpClient http, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
