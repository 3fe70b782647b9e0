using System.Diagnostics;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

public sealed record ToolResult(int ExitCode, string Stdout, string Stderr);

public static class Tool
{
    public static async Task<ToolResult> RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
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
