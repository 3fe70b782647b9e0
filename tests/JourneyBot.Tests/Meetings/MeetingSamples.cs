using System.Net.Http.Json;
using JourneyBot.Domain;
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
                Departments = [.. program.Charter.Departments.Select(d => d.Id == "support" ? d with { Contacts = [Support] } : d)],
            },
        };
    }

    public static string ChatId() => $"19:meeting_{Guid.NewGuid():N}@thread.v2";

    public static async Task<HttpResponseMessage> PostAsync(MapWorld world, string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await world.App.Http.SendAsync(request);
    }
}
