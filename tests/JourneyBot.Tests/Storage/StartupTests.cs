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
        var result = await Tool.RunAppAsync(new Dictionary<string, string> { [variable] = value }, "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, result.ExitCode);
        var error = result.Stderr;
        Assert.StartsWith("JourneyBot cannot start: ", error);
        Assert.Contains(expected, error);
        // A secret is never echoed back, not even in an error.
        if (variable == "MicrosoftAppPassword") Assert.DoesNotContain(value, error + result.Stdout);
    }
}
