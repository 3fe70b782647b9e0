using System.Diagnostics;

namespace JourneyBot.Tests.Infrastructure;

public sealed record ToolResult(int ExitCode, string Stdout, string Stderr);

// A command run to completion (bounded in time, killed with its children if it overruns).
public static class Tool
{
    public static Task<ToolResult> RunAsync(string fileName, params string[] arguments) =>
        RunAsync(fileName, arguments, RepoPaths.Root, new Dictionary<string, string>());

    // The deployable itself, from the test output, as App Service or an administrator starts it.
    public static Task<ToolResult> RunAppAsync(IDictionary<string, string> environment, params string[] arguments) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "JourneyBot.dll"), .. arguments], AppContext.BaseDirectory, environment);

    private static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }
}
