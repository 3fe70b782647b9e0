using JourneyBot.Benchmarks;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
await HelpTurnBenchmark.RunAsync(options);
return 0;
