using JourneyBot.Benchmarks;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
if (options.Scenario is "all" or "help") await HelpTurnBenchmark.RunAsync(options);
if (options.Scenario is "all" or "touchpoints") await TouchpointSubmitBenchmark.RunAsync(options);
if (options.Scenario is "all" or "cards") CardBuildBenchmark.Run();
if (options.Scenario is "message-action") await MessageActionBenchmark.RunAsync(options);
if (options.Scenario is "all" or "map-page") MapPageBenchmark.Run();
if (options.Scenario is "all" or "scheduler") await SchedulerBenchmark.RunAsync(options);
if (options.Scenario is "scheduler-growth") await SendFloorBenchmark.RunAsync(options);
if (options.Scenario is "all" or "idempotency") await IdempotencyBenchmark.RunAsync();
if (options.Scenario is "restarts") await RestartBenchmark.RunAsync();
if (options.Scenario is "erase") await EraseBenchmark.RunAsync();
if (options.Scenario is "export") await ExportBenchmark.RunAsync();
if (options.Scenario is "portfolio") await PortfolioBenchmark.RunAsync();
if (options.Scenario is "stage") await StageBenchmark.RunAsync();
return 0;
