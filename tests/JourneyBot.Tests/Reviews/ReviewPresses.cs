using System.Text.Json.Nodes;
using JourneyBot.Reviews;
using JourneyBot.Touchpoints;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Reviews;

// What a review page's confirm or retire button sends for one touchpoint as stored now: its ids and the tag of what
// the page showed of it.
public static class ReviewPresses
{
    public static async Task<JsonObject> DecisionAsync(IServiceProvider services, string programId, string touchpointId, string? page = "0")
    {
        var stored = await services.GetRequiredService<TouchpointStore>().GetAsync(programId, touchpointId, CancellationToken.None);
        var data = new JsonObject { ["programId"] = programId, ["touchpointId"] = touchpointId };
        if (page is not null) data["page"] = page;
        data[ReviewCards.SeenTags] = ReviewDecisions.Seen(stored!.Touchpoint);
        return data;
    }
}
