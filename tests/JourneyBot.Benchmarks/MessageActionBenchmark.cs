using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.MessageActions;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.MessageActions;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Benchmarks;

// "Add as touchpoint": the dialog's fetch (memberships, program, last used) and its save (program, insert, last
// used), signed invokes through /api/messages at the chosen concurrency. Teams gives each invoke 5 seconds.
public static class MessageActionBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        var count = Math.Min(options.Turns, 5_000);
        Console.WriteLine();
        Console.WriteLine("Starting Azurite, the local channel and the bot for message actions...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        var appId = Guid.NewGuid().ToString();
        using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, appId).Start();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency })
        {
            BaseAddress = bot.BaseAddress,
        };
        var token = channel.MintToken(appId);

        var tenant = Guid.NewGuid().ToString();
        var chats = Enumerable.Range(0, options.Concurrency)
            .Select(_ => new Activities(channel.ServiceUrl, appId) { TenantId = tenant }).ToArray();
        var charter = SamplePrograms.CompleteCharter(stages: 12, departments: options.Concurrency, personas: 3) with
        {
            Departments = chats.Select((c, i) =>
                new Department($"d{i + 1}", $"Department {i + 1}", [new Person(c.UserAadObjectId, $"Contact {i + 1}")])).ToList(),
        };
        var program = SamplePrograms.Program(charter) with
        {
            Id = "bench" + Guid.NewGuid().ToString("N")[..8], TenantId = tenant,
        };
        await bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        var message = TeamsMessages.Payload("<p>I waited <b>three weeks</b> for the renewal letter &amp; it had the " +
            "wrong price. <at id=\"0\">Billing</at> please check.</p>", mentions: [TeamsMessages.Mention(0, "Billing")]);

        string Fetch(int worker) => chats[worker]
            .MessageAction("composeExtension/fetchTask", MessageTouchpointHandler.CommandId, message).ToJsonString();
        string Save(int worker, int i) => chats[worker].MessageAction("composeExtension/submitAction",
            MessageTouchpointHandler.CommandId, message, new JsonObject
            {
                ["verb"] = "msgtouchpoint.save", ["programId"] = program.Id, ["formId"] = Guid.NewGuid().ToString("N"),
                ["v"] = "1", ["stage"] = $"s{i % 12 + 1}", ["department"] = $"d{worker + 1}", ["channel"] = "chat",
                ["customerAction"] = "Writes to support about a late renewal letter", ["personas"] = "p1",
                ["messageText"] = "I waited three weeks for the renewal letter & it had the wrong price.",
                ["messageUse"] = i % 2 == 0 ? "words" : "pain",
            }).ToJsonString();

        await LoadRun.RunAsync(Math.Min(options.Warmup, 200), options.Concurrency, options.TimeLimit,
            async (worker, _) => LoadRun.IsOk(await HelpTurnBenchmark.SendAsync(http, token, Fetch(worker))));
        var before = StorageMetrics.Total;
        var fetches = await LoadRun.RunAsync(count, options.Concurrency, options.TimeLimit,
            async (worker, _) => (await AnswerAsync(http, token, Fetch(worker))).Contains("\"continue\""));
        var fetchTransactions = StorageMetrics.Total - before;
        before = StorageMetrics.Total;
        // A save counts only when the dialog says it saved (a form back with errors is a 200 too).
        var saves = await LoadRun.RunAsync(count, options.Concurrency, options.TimeLimit,
            async (worker, i) => (await AnswerAsync(http, token, Save(worker, i))).Contains("Touchpoint saved"));
        var saveTransactions = StorageMetrics.Total - before;

        Console.WriteLine();
        Console.WriteLine($"message action \"Add as touchpoint\" (signed invokes), concurrency {options.Concurrency}");
        Print("fetchTask (dialog)", fetches, fetchTransactions);
        Print("submitAction (save)", saves, saveTransactions);
    }

    private static async Task<string> AnswerAsync(HttpClient http, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
    }

    private static void Print(string what, LoadResult result, long transactions)
    {
        Console.WriteLine($"  {what,-20} {result.Completed:N0} ({result.Failures} failed), {result.PerSecond:N0}/s, " +
            $"p50/p99 {result.Percentile(0.50):N1} / {result.Percentile(0.99):N1} ms, max {result.Latencies.Max():N0} ms " +
            $"(Teams allows 5,000), {(double)transactions / Math.Max(1, result.Completed):N2} table transactions each");
    }
}
