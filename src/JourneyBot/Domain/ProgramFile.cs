using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Domain;

public sealed class ProgramFileException(string message) : Exception(message);

// The documented JSON format of a whole program (schema: journeybot-program.schema.json beside this file).
public static class ProgramFile
{
    public const string Format = "journeybot-program/1";

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

    public static string Write(JourneyProgram program) => JsonSerializer.Serialize(new Document(Format, program), Indented);

    // Reads and validates a program file; a bad file is a ProgramFileException naming the field.
    public static JourneyProgram Read(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Options);
        }
        catch (JsonException e)
        {
            var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path.Replace("$.program.", "").Replace("$.", "")}";
            throw new ProgramFileException($"Not a valid program file{at}: {FirstSentence(e.Message)}");
        }
        if (document is null) throw new ProgramFileException("Not a valid program file: the file is empty or null.");
        if (document.Format != Format) throw new ProgramFileException($"format must be \"{Format}\" (found \"{document.Format}\").");
        var errors = ProgramValidator.Validate(document.Program);
        if (errors.Count > 0) throw new ProgramFileException($"Invalid program file: {string.Join("; ", errors.Take(20))}{(errors.Count > 20 ? $"; and {errors.Count - 20} more" : "")}.");
        return document.Program;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
