using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Health;

// One id per pitfall, in the order the checks are listed. Written as kebab-case names ("outcome-metrics") in
// `health` output, review snapshots and map snapshots; those names never change.
[JsonConverter(typeof(HealthCheckIdJson))]
public enum HealthCheckId
{
    Objective, OutcomeMetrics, OutputHeavy, Resources, Sponsor, SponsorEngagement, Scope,
    Silo, Personas, Evidence, Emotion, Verbatims, EmployeeSide, Stale, MetricsRead, Actions, OverdueActions, Contributors,
}

public static class HealthCheckIds
{
    public static string Name(this HealthCheckId id) => JsonNamingPolicy.KebabCaseLower.ConvertName(id.ToString());

    private static readonly Dictionary<string, HealthCheckId> ByName =
        Enum.GetValues<HealthCheckId>().ToDictionary(Name, id => id, StringComparer.Ordinal);

    public static bool TryParse(string? name, out HealthCheckId id) => ByName.TryGetValue(name ?? "", out id);
}

// Applied on the property too: a program file's options carry a camel-case enum converter that would otherwise win.
public sealed class HealthCheckIdJson : JsonConverter<HealthCheckId>
{
    public override HealthCheckId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        HealthCheckIds.TryParse(reader.GetString(), out var id) ? id
            : throw new JsonException($"Unknown health check \"{reader.GetString()}\".");

    public override void Write(Utf8JsonWriter writer, HealthCheckId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name());
}
