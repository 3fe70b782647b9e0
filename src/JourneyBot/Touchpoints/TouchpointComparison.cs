using System.Text.Json;
using JourneyBot.Domain;

namespace JourneyBot.Touchpoints;

public static class TouchpointComparison
{
    // Whether two versions say the same thing; when each was written (and by whose click) does not count.
    public static bool SameContent(Touchpoint a, Touchpoint b) => Json(a) == Json(b with { CreatedAt = a.CreatedAt, LastVerifiedOn = a.LastVerifiedOn, CreatedBy = a.CreatedBy, ChangedOn = a.ChangedOn });

    private static string Json(Touchpoint t) => JsonSerializer.Serialize(t, ProgramFile.Options);
}
