using System.Net;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Protocol;

public sealed class ActivityEndpointTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task MalformedJsonIsA400ThatSaysWhy()
    {
        var response = await fixture.Bot.PostRawAsync("{\"type\": \"message\", ", fixture.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid activity", (await BotApp.ReadJsonAsync(response))!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("type")]
    [InlineData("serviceUrl")]
    [InlineData("conversation")]
    [InlineData("from")]
    public async Task MissingRequiredFieldIsA400NamingIt(string field)
    {
        var activity = fixture.NewConversation().Message("help");
        activity.Remove(field);

        var response = await fixture.SendAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}", (await BotApp.ReadJsonAsync(response))!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongTypedFieldIsA400NotA500()
    {
        var activity = fixture.NewConversation().Message("help");
        activity["conversation"] = "not an object";

        var response = await fixture.SendAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBodyIsRefused()
    {
        var activity = fixture.NewConversation().Message(new string('x', 5 * 1024 * 1024));

        var response = await fixture.SendAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
