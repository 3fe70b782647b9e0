using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Tests.Infrastructure;
using NJsonSchema;

namespace JourneyBot.Tests.Domain;

public sealed class ProgramFileTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "src", "JourneyBot", "Domain", "journeybot-program.schema.json")).GetAwaiter().GetResult());

    [Fact]
    public void AWholeProgramSurvivesARoundTrip()
    {
        var written = ProgramFile.Write(SamplePrograms.Full());

        var read = ProgramFile.Read(written);

        Assert.Equal(written, ProgramFile.Write(read));
        Assert.Equal("\"Why did nobody tell me?\" <b>not markup</b>", read.Touchpoints[0].Verbatim);
        Assert.Equal(TouchpointChannel.InPerson, read.Touchpoints[1].Channel);
        Assert.Equal(new TimeOnly(17, 30), read.Charter.WorkingHours!.End);
        Assert.Equal(2, read.ProgressUpdates.Count);
    }

    [Fact]
    public void WhatWeWriteConformsToThePublishedSchema()
    {
        var errors = Schema.Value.Validate(ProgramFile.Write(SamplePrograms.Full()));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void TheSchemaRejectsWhatTheReaderRejects()
    {
        var json = JsonNode.Parse(ProgramFile.Write(SamplePrograms.Full()))!;
        json["program"]!["touchpoints"]![0]!["emotion"] = 7;
        json["program"]!["touchpoints"]![0]!["channel"] = "pigeon";

        // NJsonSchema nests errors under the array item; its text lists them all.
        var report = string.Join("\n", Schema.Value.Validate(json.ToJsonString()).Select(e => e.ToString()));

        Assert.Contains("NumberTooBig: #/program.touchpoints[0].emotion", report);
        Assert.Contains("NotInEnumeration: #/program.touchpoints[0].channel", report);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "touchpoints[0].emotion = 7", "touchpoints[0].emotion must be between -2 and 2" },
        { "touchpoints[0].stageId = \"nowhere\"", "touchpoints[0].stageId 'nowhere' is not a stage" },
        { "touchpoints[0].channel = \"pigeon\"", "touchpoints" },
        { "touchpoints[0].customerAction = <1 MB>", "touchpoints[0].customerAction is 1048576 characters; the limit is 1000" },
        { "charter.reviewCadenceDays = 0", "charter.reviewCadenceDays must be between 1 and 365" },
        { "actions[0].touchpointId = \"t9\"", "actions[0].touchpointId 't9' is not a touchpoint" },
        { "charter.stages[1].id = \"s1\"", "charter.stages has the id 's1' more than once" },
        { "program.surprise = 1", "surprise" },
        { "format = \"other/1\"", "format must be \"journeybot-program/1\"" },
        { "remove charter.name", "name" },
        { "touchpoints[0].sourceLink = \"javascript:alert(1)\"", "touchpoints[0].sourceLink must be an https link" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void InvalidFilesAreRefusedNamingTheField(string change, string expected)
    {
        var json = JsonNode.Parse(ProgramFile.Write(SamplePrograms.Full()))!.AsObject();
        var program = json["program"]!;
        switch (change)
        {
            case "touchpoints[0].emotion = 7": program["touchpoints"]![0]!["emotion"] = 7; break;
            case "touchpoints[0].stageId = \"nowhere\"": program["touchpoints"]![0]!["stageId"] = "nowhere"; break;
            case "touchpoints[0].channel = \"pigeon\"": program["touchpoints"]![0]!["channel"] = "pigeon"; break;
            case "touchpoints[0].customerAction = <1 MB>": program["touchpoints"]![0]!["customerAction"] = new string('x', 1024 * 1024); break;
            case "charter.reviewCadenceDays = 0": program["charter"]!["reviewCadenceDays"] = 0; break;
            case "actions[0].touchpointId = \"t9\"": program["actions"]![0]!["touchpointId"] = "t9"; break;
            case "charter.stages[1].id = \"s1\"": program["charter"]!["stages"]![1]!["id"] = "s1"; break;
            case "program.surprise = 1": program["surprise"] = 1; break;
            case "format = \"other/1\"": json["format"] = "other/1"; break;
            case "remove charter.name": program["charter"]!.AsObject().Remove("name"); break;
            case "touchpoints[0].sourceLink = \"javascript:alert(1)\"": program["touchpoints"]![0]!["sourceLink"] = "javascript:alert(1)"; break;
        }

        var error = Assert.Throws<ProgramFileException>(() => ProgramFile.Read(json.ToJsonString()));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"format\": ")]
    [InlineData("[1,2,3]")]
    public void NotAProgramAtAllIsRefusedClearly(string json)
    {
        var error = Assert.Throws<ProgramFileException>(() => ProgramFile.Read(json));

        Assert.Contains("program file", error.Message);
    }
}
