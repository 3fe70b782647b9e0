using System.Diagnostics;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Storage;

// The deployable itself, started the way App Service starts it, with one bad setting at a time.
public sealed class StartupTests
{
    [Theory]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId must be a GUID")]
    [InlineData("MicrosoftAppPassword", "secret-without-an-app-id", "MicrosoftAppPassword is set but MicrosoftAppId is not")]
    [InlineData("ConnectionStrings__Storage", "this is not a connection string", "ConnectionStrings:Storage")]
    [InlineData("Bot__HelpUrl", "http://insecure.example.com", "Bot:HelpUrl")]
    public async Task TheAppRefusesToStartWithABadSettingAndNamesIt(string variable, string value, string expected)
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "JourneyBot.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(appDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{FreePort.Next()}");
        info.Environment[variable] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.StartsWith("JourneyBot cannot start: ", error);
        Assert.Contains(expected, error);
        // A secret is never echoed back, not even in an error.
        if (variable == "MicrosoftAppPassword") Assert.DoesNotContain(value, error + await stdout);
    }
}
