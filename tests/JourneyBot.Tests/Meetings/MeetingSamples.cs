using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using JourneyBot.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;

namespace JourneyBot.Tests.Meetings;

// The map sample with a second department contact, so two attendees review two departments in one meeting.
public static class MeetingSamples
{
    public static readonly Person Support = new("support-oid", "Dana <i>Support</i>");

    public static JourneyProgram Program()
    {
        var program = MapSamples.Program();
        return program with
        {
            Charter = program.Charter with
            {
                Departments =
                [
                    .. program.Charter.Departments.Select(d => d.Id == "support" ? d with { Contacts = [Support] } : d),
                ],
            },
        };
    }

    public static string ChatId() => $"19:meeting_{Guid.NewGuid():N}@thread.v2";

    // The version a panel's button (verify, retire) or proposal form carries for a touchpoint, as the browser reads it.
    public static string VersionIn(string panelHtml, string touchpointId, string act)
    {
        var pattern = act == "propose"
            ? $"<form class=\"propose\" data-touchpoint=\"{touchpointId}\" data-version=\"([^\"]*)\""
            : $"data-act=\"{act}\" data-touchpoint=\"{touchpointId}\" data-version=\"([^\"]*)\"";
        var match = Regex.Match(panelHtml, pattern);
        Assert.True(match.Success, $"no {act} version for {touchpointId} in the panel");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<string> PanelAsync(MapWorld world, JourneyProgram program, Person person,
        string query = "")
    {
        var response = await world.GetAsync($"/map/{program.Id}/meeting/panel{query}",
            world.TokenFor(program, person.AadObjectId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // JourneyBot added to a meeting's chat through the real endpoint, with these people its members in Teams.
    public static async Task<string> InstalledChatAsync(MapWorld world, JourneyProgram program, params Person[] members)
    {
        var chat = new Activities(world.Channel.ServiceUrl, world.AppId)
        {
            TenantId = program.TenantId, ConversationType = "groupChat", ConversationId = ChatId(),
            UserAadObjectId = MapSamples.Owner.AadObjectId,
        };
        var installed = await world.App.PostActivityAsync(chat.BotAdded(), world.Channel.MintToken(world.AppId));
        Assert.True(installed.IsSuccessStatusCode, installed.StatusCode.ToString());
        world.Channel.ConversationMembers[chat.ConversationId] =
            new(members.ToDictionary(m => m.AadObjectId, m => m.DisplayName));
        return chat.ConversationId;
    }

    public static async Task<HttpResponseMessage> PostAsync(MapWorld world, string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await world.App.Http.SendAsync(request);
    }
}
