using System.Diagnostics;
using System.Net;

namespace JourneyBot.Benchmarks;

public sealed record LoadResult(int Completed, int Failures, TimeSpan Elapsed, List<double> Latencies)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = Latencies.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

// A bounded closed loop: `concurrency` workers share `count` operations and stop at the time limit.
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(int count, int concurrency, TimeSpan timeLimit, Func<int, int, Task<bool>> operation)
    {
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(count / concurrency + 1);
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && clock.Elapsed < timeLimit)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(worker, index);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref failures);
            }
        })));
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadResult(all.Count, failures, clock.Elapsed, all);
    }

    public static bool IsOk(HttpStatusCode status) => status == HttpStatusCode.OK;
}
