using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace JourneyBot.Domain;

public sealed class ProgramFileException(string message) : Exception(message);

// The documented JSON format of a whole program (schema: journeybot-program.schema.json beside this file).
public static class ProgramFile
{
    // Written by export. Format 2 added structured resources, more journeys, pain-point items, evidence "not
    // recorded", review outcomes and an action's pain point, and later progress updates as one item per card (with
    // the sponsors it went to and their acknowledgements); files in format 1, and format-2 files with one progress
    // record per sponsor, are still read (Complete, WithProgressCards).
    public const string Format = "journeybot-program/2";
    public const string FormatV1 = "journeybot-program/1";

    // Shared with storage, so a stored part and an exported one are the same JSON.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private sealed record Document(string Format, JourneyProgram Program);

    private static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Write(JourneyProgram program) => JsonSerializer.Serialize(new Document(Format, Complete(program)), Indented);

    // Reads and validates a program file; a bad file is a ProgramFileException naming the field.
    public static JourneyProgram Read(string json)
    {
        Document? document;
        try
        {
            try
            {
                document = JsonSerializer.Deserialize<Document>(json, Options);
            }
            catch (JsonException e) when (e.Path?.StartsWith("$.program.progressUpdates", StringComparison.Ordinal) == true)
            {
                // An older format-2 file keeps one record per sponsor per card; read them as cards.
                document = JsonSerializer.Deserialize<Document>(WithProgressCards(json), Options);
            }
        }
        catch (JsonException e)
        {
            var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path.Replace("$.program.", "").Replace("$.", "")}";
            throw new ProgramFileException($"Not a valid program file{at}: {FirstSentence(e.Message)}");
        }
        if (document is null) throw new ProgramFileException("Not a valid program file: the file is empty or null.");
        if (document.Format != Format && document.Format != FormatV1)
        {
            throw new ProgramFileException($"format must be \"{Format}\" or \"{FormatV1}\" (found \"{document.Format}\").");
        }
        var program = Complete(document.Program);
        var errors = ProgramValidator.Validate(program);
        if (errors.Count > 0) throw new ProgramFileException($"Invalid program file: {string.Join("; ", errors.Take(20))}{(errors.Count > 20 ? $"; and {errors.Count - 20} more" : "")}.");
        return program;
    }

    // Pain points exist both as typed text and as items: a format-1 file (text only) gets items split from the text,
    // a file with items only gets the text joined from them. A missing evidence field reads as "not recorded".
    private static JourneyProgram Complete(JourneyProgram program) => program with
    {
        Touchpoints = program.Touchpoints.Select(t => t.PainPointItems.Count == 0 && !string.IsNullOrWhiteSpace(t.PainPoints)
                ? t with { PainPointItems = PainPoint.Split(t.Id, t.PainPoints) }
                : t.PainPointItems.Count > 0 && string.IsNullOrWhiteSpace(t.PainPoints) ? t with { PainPoints = string.Join("\n", t.PainPointItems.Select(p => p.Text)) }
                : t).ToList(),
    };

    // progressUpdates as files before progress cards had ids wrote them (sponsorAadObjectId, sentOn, acknowledgedOn),
    // grouped by the day they were sent into one card each; items already in the card shape stay as they are.
    private static string WithProgressCards(string json)
    {
        var root = JsonNode.Parse(json)!;
        if (root["program"]?["progressUpdates"] is not JsonArray items) return json;
        var records = items.Where(i => i is JsonObject o && o.ContainsKey("sponsorAadObjectId")).ToList();
        var cards = SponsorProgressRecord.AsCards(records.Select(r => r!.Deserialize<SponsorProgressRecord>(Options)!));
        foreach (var record in records) items.Remove(record);
        foreach (var card in cards) items.Add(JsonSerializer.SerializeToNode(card, Options));
        return root.ToJsonString();
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
