using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Health;

// The next step a check points to: a chat command, and the card button that does the same.
[JsonConverter(typeof(HealthCommandJson))]
public enum HealthCommand
{
    Charter, Departments, Review, NewAction, Actions, Map, AddTouchpoint, SendProgress, Record,
}

public static class HealthCommandWords
{
    // What a person types in chat. Departments is not a command of its own: the charter's departments step.
    public static string Typed(this HealthCommand command) => command switch
    {
        HealthCommand.Charter => "program",
        HealthCommand.Departments => "program departments",
        HealthCommand.Review => "review",
        HealthCommand.NewAction => "new action",
        HealthCommand.Actions => "actions",
        HealthCommand.Map => "map",
        HealthCommand.AddTouchpoint => "add touchpoint",
        HealthCommand.SendProgress => "send progress",
        HealthCommand.Record => "record",
    };

    public static HealthCommand? FromTyped(string? typed) =>
        Enum.GetValues<HealthCommand>().Cast<HealthCommand?>().FirstOrDefault(c => c!.Value.Typed() == typed);
}

public sealed class HealthCommandJson : JsonConverter<HealthCommand>
{
    public override HealthCommand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        HealthCommandWords.FromTyped(reader.GetString())
            ?? throw new JsonException($"Unknown health command \"{reader.GetString()}\".");

    public override void Write(Utf8JsonWriter writer, HealthCommand value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Typed());
}
