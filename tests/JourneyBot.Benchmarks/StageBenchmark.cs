using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Benchmarks;

// A review in a meeting: 20 attendees, each a contact of their own department, verify its touchpoints from their
// side panels (real HTTP, SSO tokens, Azurite) at a person's pace, while one stage stream (Server-Sent Events)
// watches. Latency: from an attendee's verify request leaving to the stage's stream client receiving an event that
// shows that touchpoint verified. Target p99 < 2 s.
public static partial class StageBenchmark
{
    private const int Attendees = 20;
    private const int PerAttendee = 5;
    private const double TargetMs = 2000;

    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"Starting Azurite, the local Entra and the app for a meeting of {Attendees} attendees...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        await using var entra = await TestEntra.StartAsync();
        var clientId = Guid.NewGuid().ToString();
        using var app = BotApp.Authenticated(azurite.ConnectionString, channel, Guid.NewGuid().ToString(), null,
            new Dictionary<string, string?>
            {
                ["Map:ClientId"] = clientId, ["Map:OpenIdMetadataUrl"] = entra.MetadataUrl,
            }).Start();

        var tenant = Guid.NewGuid().ToString();
        var people = Enumerable.Range(1, Attendees).Select(i => new Person($"contact-{i}", $"Contact {i}")).ToList();
        var charter = SamplePrograms.CompleteCharter(stages: 6, departments: Attendees, personas: 3) with
        {
            Departments = people.Select((p, i) => new Department($"d{i + 1}", $"Department {i + 1}", [p])).ToList(),
        };
        var program = SamplePrograms.Program(charter) with
        {
            Id = "stage" + Guid.NewGuid().ToString("N")[..8], TenantId = tenant,
            Touchpoints = Enumerable.Range(0, Attendees * PerAttendee)
                .Select(i => SamplePrograms.Touchpoint(i, $"s{i % 6 + 1}", $"d{i % Attendees + 1}",
                    people[i % Attendees]) with
                {
                    LastVerifiedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60),
                }).ToList(),
            Reviews = [],
        };
        await app.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Attendees + 4 })
        {
            BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan,
        };
        string Token(string oid) => entra.Token(tenant, oid, clientId);
        var chat = $"19:meeting_{Guid.NewGuid():N}@thread.v2";
        // Each attendee's panel: the version of each touchpoint, as its verify button carries it.
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in people)
        {
            var panel = await GetAsync(http, $"/map/{program.Id}/meeting/panel?chat={Uri.EscapeDataString(chat)}",
                Token(p.AadObjectId));
            foreach (Match m in VerifyButton().Matches(panel))
            {
                versions[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
            }
        }

        var sent = new ConcurrentDictionary<string, long>();
        var seen = new ConcurrentDictionary<string, long>();
        var events = 0;
        using var stop = new CancellationTokenSource();
        var stage = Task.Run(() => WatchAsync(http, $"/map/{program.Id}/meeting/stream", Token(people[0].AadObjectId),
            seen,
            () => Interlocked.Increment(ref events), stop.Token));
        await Task.Delay(1000);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(people.Select((p, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            var mine = program.Touchpoints.Where(t => t.DepartmentId == $"d{i + 1}").ToList();
            foreach (var t in mine)
            {
                // A person reads the touchpoint before pressing the button.
                await Task.Delay(random.Next(200, 1200));
                sent[t.Id] = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/map/{program.Id}/meeting/verify")
                {
                    Content = JsonContent.Create(new { touchpointId = t.Id, version = versions[t.Id], chat }),
                };
                request.Headers.Authorization = new("Bearer", Token(p.AadObjectId));
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"verify {t.Id}: {response.StatusCode}");
                }
            }
        })));
        var deadline = Stopwatch.StartNew();
        while (seen.Count < sent.Count && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        try { await stage; } catch (OperationCanceledException) { }

        var latencies = sent.Where(s => seen.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, seen[s.Key]).TotalMilliseconds).Order().ToList();
        double P(double q) => latencies.Count == 0
            ? double.NaN
            : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"stage updates: {Attendees} attendees x {PerAttendee} verifies = {sent.Count} " +
            $"in {elapsed.TotalSeconds:N1} s, " +
            $"{events} stage events received, {latencies.Count} of {sent.Count} verifies seen on the stage");
        Console.WriteLine($"  verify -> stage latency p50/p99 {P(0.50):N0} / {P(0.99):N0} ms (max {P(1):N0}); " +
            $"target p99 < {TargetMs:N0} ms: " +
            $"{(latencies.Count == sent.Count && P(0.99) < TargetMs ? "met" : "MISSED")}");
    }

    private static async Task WatchAsync(HttpClient http, string path, string token,
        ConcurrentDictionary<string, long> seen, Action counted, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line, 6, line.Length - 6).Append('\n');
            else if (line.Length == 0 && data.Length > 0)
            {
                var at = Stopwatch.GetTimestamp();
                counted();
                foreach (Match m in VerifiedItem().Matches(data.ToString())) seen.TryAdd(m.Groups[1].Value, at);
                data.Clear();
            }
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("data-act=\"verify\" data-touchpoint=\"([^\"]+)\" data-version=\"([^\"]*)\"")]
    private static partial Regex VerifyButton();

    [GeneratedRegex("class=\"tp-stage verified\" data-touchpoint=\"([^\"]+)\"")]
    private static partial Regex VerifiedItem();
}
