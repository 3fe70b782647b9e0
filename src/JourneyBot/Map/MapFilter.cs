using JourneyBot.Cards;
using JourneyBot.Domain;
using Microsoft.AspNetCore.Http;

namespace JourneyBot.Map;

public enum MapLayout { Stages, Departments }

public enum EvidenceFilter { Any, Assumption, Data }

// What the map shows, read from and written back to the query string so a view can be shared as a link.
// Unknown values are dropped rather than refused: a stale link still opens the map.
public sealed record MapFilter
{
    public MapLayout Layout { get; init; }
    public string? PersonaId { get; init; }
    public string? DepartmentId { get; init; }
    public TouchpointChannel? Channel { get; init; }
    public EvidenceFilter Evidence { get; init; }
    public bool StaleOnly { get; init; }
    public bool PainOnly { get; init; }
    // A stored snapshot to compare the map with ("r-<review id>" or "p-<yyyyMMdd of a progress card>").
    public string? Since { get; init; }
    // A stored snapshot to draw the map as it was; comparisons then run up to it instead of now.
    public string? At { get; init; }

    public bool IsEmpty => PersonaId is null && DepartmentId is null && Channel is null && Evidence == EvidenceFilter.Any && !StaleOnly && !PainOnly;

    public static MapFilter From(IQueryCollection query)
    {
        string? Id(string key) => query[key].FirstOrDefault() is { } v && PlainId.IsValid(v) ? v : null;
        return new MapFilter
        {
            Layout = query["view"].FirstOrDefault() == "departments" ? MapLayout.Departments : MapLayout.Stages,
            PersonaId = Id("persona"),
            DepartmentId = Id("department"),
            Channel = EnumChoice.TryParse<TouchpointChannel>(query["channel"].FirstOrDefault(), out var channel) ? channel : null,
            Evidence = query["evidence"].FirstOrDefault() switch { "assumption" => EvidenceFilter.Assumption, "data" => EvidenceFilter.Data, _ => EvidenceFilter.Any },
            StaleOnly = query["stale"].FirstOrDefault() == "1",
            PainOnly = query["pain"].FirstOrDefault() == "1",
            Since = Id("since"),
            At = Id("at"),
        };
    }

    public string ToQuery()
    {
        var parts = new List<string>();
        if (Layout == MapLayout.Departments) parts.Add("view=departments");
        if (PersonaId is not null) parts.Add("persona=" + Uri.EscapeDataString(PersonaId));
        if (DepartmentId is not null) parts.Add("department=" + Uri.EscapeDataString(DepartmentId));
        if (Channel is { } c) parts.Add("channel=" + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.ToString()));
        if (Evidence != EvidenceFilter.Any) parts.Add("evidence=" + (Evidence == EvidenceFilter.Assumption ? "assumption" : "data"));
        if (StaleOnly) parts.Add("stale=1");
        if (PainOnly) parts.Add("pain=1");
        if (Since is not null) parts.Add("since=" + Uri.EscapeDataString(Since));
        if (At is not null) parts.Add("at=" + Uri.EscapeDataString(At));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public bool Keeps(Touchpoint t, bool stale) =>
        (PersonaId is null || t.PersonaIds.Contains(PersonaId))
        && (DepartmentId is null || t.DepartmentId == DepartmentId)
        && (Channel is null || t.Channel == Channel)
        && (Evidence == EvidenceFilter.Any || (Evidence == EvidenceFilter.Assumption) == (t.Evidence == Domain.Evidence.Assumption))
        && (!StaleOnly || stale)
        && (!PainOnly || t.HasPainPoints());
}
