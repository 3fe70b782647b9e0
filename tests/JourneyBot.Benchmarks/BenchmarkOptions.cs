namespace JourneyBot.Benchmarks;

public sealed record BenchmarkOptions(string Scenario, int Turns, int Concurrency, int Warmup, TimeSpan TimeLimit)
{
    public static readonly string[] Scenarios =
    [
        "all", "help", "touchpoints", "cards", "map-page", "scheduler", "scheduler-growth", "idempotency", "restarts",
        "erase", "export", "portfolio", "stage", "message-action",
    ];

    public static readonly string Usage = "usage: dotnet run -c Release --project tests/JourneyBot.Benchmarks -- "
        + $"[--scenario {string.Join('|', Scenarios)}] [--turns 20000] [--concurrency 16] [--warmup 2000] "
        + "[--time-limit-seconds 120]";

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions("all", 20_000, 16, 2_000, TimeSpan.FromSeconds(120));
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) return null;
            if (args[i] == "--scenario")
            {
                if (!Scenarios.Contains(args[i + 1])) return null;
                options = options with { Scenario = args[i + 1] };
                continue;
            }
            if (!int.TryParse(args[i + 1], out var value) || value <= 0) return null;
            options = args[i] switch
            {
                "--turns" => options with { Turns = value },
                "--concurrency" => options with { Concurrency = value },
                "--warmup" => options with { Warmup = value },
                "--time-limit-seconds" => options with { TimeLimit = TimeSpan.FromSeconds(value) },
                _ => null,
            };
            if (options is null) return null;
        }
        return options;
    }
}
