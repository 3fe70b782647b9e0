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
        Assert.StartsWith("{\n  \"format\": \"journeybot-program/2\"", written.ReplaceLineEndings("\n"));
        Assert.Equal(new Funding(20000, "EUR"), read.Charter.Funding);
        Assert.Equal([50, 20], read.Charter.Team.Select(m => m.TimePercent));
        Assert.Equal("Add-on purchase", read.Charter.MoreJourneys.Single().Name);
        Assert.Equal(["Price rise is a surprise", "Invoice lacks the PO number"], read.Touchpoints[0].PainPointItems.Select(p => p.Text));
        Assert.Equal("t1-p1", read.Actions[0].PainPointId);
        Assert.Equal([ReviewOutcome.Postponed, ReviewOutcome.Updated], read.Reviews.Select(r => r.Outcome));
        Assert.Equal(SamplePrograms.AsOf.AddDays(-33), read.Reviews[0].PostponedTo);
    }

    // A file written by the format-1 exporter, as an owner may still have it.
    private const string FormatOne = """
        {
          "format": "journeybot-program/1",
          "program": {
            "id": "renewal", "tenantId": "t-1",
            "charter": {
              "name": "Licence renewal", "journey": { "startTrigger": "Renewal notice sent", "end": "Renewed" },
              "budget": "EUR 20k", "resources": "One analyst half time",
              "owners": [{ "aadObjectId": "o-1", "displayName": "Olivia" }],
              "departments": [{ "id": "d1", "name": "Customer success", "contacts": [] }],
              "stages": [{ "id": "s1", "name": "Notice" }]
            },
            "touchpoints": [
              { "id": "t1", "stageId": "s1", "departmentId": "d1", "channel": "email", "customerAction": "Reads the notice",
                "painPoints": "Price not shown; Wrong contact\n- Sent to a leaver", "evidence": "assumption",
                "createdBy": { "aadObjectId": "o-1", "displayName": "Olivia" }, "createdAt": "2026-09-01T10:00:00+00:00" },
              { "id": "t2", "stageId": "s1", "departmentId": "d1", "channel": "phone", "customerAction": "Calls to ask",
                "createdBy": { "aadObjectId": "o-1", "displayName": "Olivia" }, "createdAt": "2026-09-01T10:00:00+00:00" }
            ],
            "actions": [{ "id": "a1", "title": "Show the price", "touchpointId": "t1", "owner": { "aadObjectId": "o-1", "displayName": "Olivia" }, "dueOn": "2026-12-01" }],
            "reviews": [{ "id": "r1", "completedOn": "2026-10-01", "by": { "aadObjectId": "o-1", "displayName": "Olivia" } }],
            "progressUpdates": [{ "sponsorAadObjectId": "s-1", "sentOn": "2026-10-02", "acknowledgedOn": "2026-10-04" }]
          }
        }
        """;

    [Fact]
    public void AFormatOneFileIsMigratedOnRead()
    {
        var program = ProgramFile.Read(FormatOne);

        Assert.Equal(["t1-p1", "t1-p2", "t1-p3"], program.Touchpoints[0].PainPointItems.Select(p => p.Id));
        Assert.Equal(["Price not shown", "Wrong contact", "Sent to a leaver"], program.Touchpoints[0].PainPointItems.Select(p => p.Text));
        Assert.Equal("Price not shown; Wrong contact\n- Sent to a leaver", program.Touchpoints[0].PainPoints);
        Assert.Equal(Evidence.Assumption, program.Touchpoints[0].Evidence);
        Assert.Equal(Evidence.NotRecorded, program.Touchpoints[1].Evidence);
        Assert.Empty(program.Touchpoints[1].PainPointItems);
        Assert.Null(program.Actions[0].PainPointId);
        Assert.Equal(ReviewOutcome.Held, program.Reviews[0].Outcome);
        Assert.True(program.Reviews[0].WasHeld());
        Assert.Null(program.Charter.Funding);
        Assert.Equal("EUR 20k", program.Charter.Budget);
        var card = Assert.Single(program.ProgressUpdates);
        Assert.Equal(new[] { "s-1" }, card.SentTo);
        Assert.Equal([new Acknowledgement("s-1", new DateOnly(2026, 10, 4))], card.Acknowledgements);
    }

    // progressUpdates as format-2 files wrote them before progress cards had ids: one record per sponsor per card.
    private const string OlderFormatTwoProgress = """
        [
          { "sponsorAadObjectId": "s-1", "sentOn": "2026-09-01", "acknowledgedOn": "2026-09-02", "snapshot": { "takenOn": "2026-09-01", "touchpoints": 4 } },
          { "sponsorAadObjectId": "s-2", "sentOn": "2026-09-01" },
          { "sponsorAadObjectId": "s-1", "sentOn": "2026-10-01" },
          { "sponsorAadObjectId": "s-2", "sentOn": "2026-10-01", "acknowledgedOn": "2026-10-05" },
          { "sponsorAadObjectId": "s-1", "sentOn": "2026-10-20" }
        ]
        """;

    [Fact]
    public void AnOlderFormatTwoFileKeepingOneRecordPerSponsorIsReadAsOneCardPerSendingDay()
    {
        var json = JsonNode.Parse(ProgramFile.Write(SamplePrograms.Full()))!;
        json["program"]!["progressUpdates"] = JsonNode.Parse(OlderFormatTwoProgress);
        Assert.Empty(Schema.Value.Validate(json.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}"));

        var cards = ProgramFile.Read(json.ToJsonString()).ProgressUpdates;

        Assert.Equal(["sent-20260901", "sent-20261001", "sent-20261020"], cards.Select(c => c.Id));
        Assert.Equal(["s-1", "s-2"], cards[0].SentTo);
        Assert.Equal([new Acknowledgement("s-1", new DateOnly(2026, 9, 2))], cards[0].Acknowledgements);
        Assert.Equal(4, cards[0].Snapshot!.Touchpoints);
        Assert.Equal([new Acknowledgement("s-2", new DateOnly(2026, 10, 5))], cards[1].Acknowledgements);
        Assert.Equal(["s-1"], cards[2].SentTo);
        Assert.Empty(cards[2].Acknowledgements);
    }

    [Fact]
    public void AnOlderFormatTwoFileIsWrittenBackInTheCardShapeAndReadsBackTheSame()
    {
        var json = JsonNode.Parse(ProgramFile.Write(SamplePrograms.Full()))!;
        json["program"]!["progressUpdates"] = JsonNode.Parse(OlderFormatTwoProgress);

        var written = ProgramFile.Write(ProgramFile.Read(json.ToJsonString()));

        Assert.DoesNotContain("acknowledgedOn", written);
        Assert.Contains("\"sentTo\"", written);
        Assert.Empty(Schema.Value.Validate(written).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Equal(written, ProgramFile.Write(ProgramFile.Read(written)));
    }

    [Fact]
    public void WhenANameWasReadAndWhatAReviewChangedSurviveARoundTripAndConformToTheSchema()
    {
        var namedAt = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        var full = SamplePrograms.Full();
        var program = full with
        {
            Charter = full.Charter with { Sponsors = [.. full.Charter.Sponsors.Select(s => s with { NamedAt = namedAt })] },
            Reviews = [.. full.Reviews.Select(r => r with { Outcome = ReviewOutcome.Updated, PostponedTo = null, Changes = new ReviewChanges(2, 1, 0) })],
        };

        var written = ProgramFile.Write(program);
        var read = ProgramFile.Read(written);

        Assert.Empty(Schema.Value.Validate(written).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.All(read.Charter.Sponsors, s => Assert.Equal(namedAt, s.NamedAt));
        Assert.All(read.Reviews, r => Assert.Equal(new ReviewChanges(2, 1, 0), r.Changes));
        // A name typed or imported without a date stays without one (and is read again first).
        Assert.All(read.Charter.Owners, o => Assert.Null(o.NamedAt));
    }

    // A touchpoint taken from a Teams message ("Add as touchpoint") keeps who wrote it beside the link to it.
    [Fact]
    public void AMessagesAuthorSurvivesARoundTripConformsToTheSchemaAndIsCheckedOnImport()
    {
        var full = SamplePrograms.Full();
        var author = new Person("6f1c2d3e-aaaa-4bbb-8ccc-123456789abc", "Chris Care");
        var program = full with
        {
            Touchpoints = [full.Touchpoints[0] with { SourceAuthor = author, SourceLink = "https://teams.microsoft.com/l/message/1" },
                .. full.Touchpoints.Skip(1)],
        };

        var written = ProgramFile.Write(program);
        var read = ProgramFile.Read(written);

        Assert.Empty(Schema.Value.Validate(written).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Equal(written, ProgramFile.Write(read));
        Assert.Equal(author, read.Touchpoints[0].SourceAuthor);
        Assert.Null(read.Touchpoints[1].SourceAuthor);
        Assert.DoesNotContain("sourceAuthor", ProgramFile.Write(full));
        var nameless = written.Replace("\"displayName\": \"Chris Care\"", "\"displayName\": \"\"", StringComparison.Ordinal);
        Assert.NotEqual(written, nameless);
        Assert.Contains("sourceAuthor", Assert.Throws<ProgramFileException>(() => ProgramFile.Read(nameless)).Message);
        Assert.NotEmpty(Schema.Value.Validate(nameless));
    }

    [Fact]
    public void MetricReadingsAndAMetricsCadenceAndOwnerSurviveARoundTripAndConformToTheSchema()
    {
        var full = SamplePrograms.Full();
        var metric = full.Charter.Metrics[0];
        var owner = new Person("metric-owner", "Mia Metrics");
        var program = full with
        {
            Charter = full.Charter with { Metrics = [metric with { CadenceDays = 14, Owner = owner }, .. full.Charter.Metrics.Skip(1)] },
            Readings =
            [
                new MetricReading { MetricId = metric.Id, Value = 41.5m, On = SamplePrograms.AsOf.AddDays(-20), RecordedBy = owner },
                new MetricReading
                {
                    MetricId = metric.Id, Value = 44m, On = SamplePrograms.AsOf.AddDays(-6), RecordedBy = owner,
                    Source = ReadingSource.Link, Link = "https://dashboards.example.com/nps",
                    RecordedAt = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero),
                },
            ],
        };

        var written = ProgramFile.Write(program);
        var read = ProgramFile.Read(written);

        Assert.Empty(Schema.Value.Validate(written).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Equal(program.Readings, read.Readings);
        Assert.Equal((14, owner), (read.Charter.Metrics[0].CadenceDays, read.Charter.Metrics[0].Owner));
        Assert.Equal([41.5m, 44m], read.ReadingsOf(metric.Id).Select(r => r.Value));
        Assert.Equal(Metric.DefaultCadenceDays, read.Charter.Metrics[1].DaysBetweenReadings());
    }

    [Fact]
    public void ReadingsOfAnUnknownMetricOrTwiceForOneDayAreRefused()
    {
        var full = SamplePrograms.Full();
        var by = full.Charter.Owners[0];
        var day = SamplePrograms.AsOf;
        var twice = full with
        {
            Readings =
            [
                new MetricReading { MetricId = full.Charter.Metrics[0].Id, Value = 1, On = day, RecordedBy = by },
                new MetricReading { MetricId = full.Charter.Metrics[0].Id, Value = 2, On = day, RecordedBy = by },
                new MetricReading { MetricId = "nowhere", Value = 3, On = day, RecordedBy = by },
            ],
        };

        var error = Assert.Throws<ProgramFileException>(() => ProgramFile.Read(ProgramFile.Write(twice))).Message;

        Assert.Contains("readings[2].metricId 'nowhere' is not a metric", error);
        Assert.Contains($"two figures of metric '{full.Charter.Metrics[0].Id}' for {day:yyyy-MM-dd}", error);
    }

    [Fact]
    public void WhoTookPartInAReviewHeldInAMeetingSurvivesARoundTripAndOlderReviewsHaveNone()
    {
        var full = SamplePrograms.Full();
        Person[] took = [new("p-1", "Olivia <b>Owner</b>"), new("p-2", "Chris Contact")];
        var program = full with
        {
            Reviews = [.. full.Reviews.Select((r, i) => i == 0 ? r : r with { Participants = took })],
        };

        var written = ProgramFile.Write(program);
        var read = ProgramFile.Read(written);

        Assert.Empty(Schema.Value.Validate(written).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Null(read.Reviews[0].Participants);
        Assert.Equal(took, read.Reviews[1].Participants);
        Assert.Equal(written, ProgramFile.Write(read));
        // A file written before meetings has no participants field and still reads.
        Assert.DoesNotContain("participants", ProgramFile.Write(full));
        Assert.Null(ProgramFile.Read(FormatOne).Reviews.Single().Participants);
        // A postponed review held no meeting: participants there are refused, naming the field.
        var wrong = full with { Reviews = [.. full.Reviews.Select(r => r with { Participants = took })] };
        var error = Assert.Throws<ProgramFileException>(() => ProgramFile.Read(ProgramFile.Write(wrong)));
        Assert.Contains("reviews[0].participants", error.Message);
    }

    [Fact]
    public void ProgressCardsAndTouchpointAuthorshipSurviveARoundTrip()
    {
        var read = ProgramFile.Read(ProgramFile.Write(SamplePrograms.Full()));

        var card = read.ProgressUpdates[0];
        Assert.Equal(("cadence-1", SamplePrograms.AsOf.AddDays(-9)), (card.Id, card.SentOn));
        Assert.Equal(["sponsor-1", "sponsor-2"], card.SentTo);
        Assert.Equal([new Acknowledgement("sponsor-1", SamplePrograms.AsOf.AddDays(-8))], card.Acknowledgements);
        Assert.NotNull(card.Snapshot);
        var touchpoint = read.Touchpoints[0];
        Assert.Equal(SamplePrograms.Full().Touchpoints[0].CreatedBy, touchpoint.CreatedBy);
        Assert.Equal(SamplePrograms.Full().Touchpoints[0].CreatedAt, touchpoint.CreatedAt);
        Assert.Equal(SamplePrograms.AsOf.AddDays(-3), touchpoint.LastVerifiedOn);
        Assert.Equal(SamplePrograms.AsOf.AddDays(-5), touchpoint.ChangedOn);
    }

    [Fact]
    public void AMigratedFormatOneFileIsWrittenAsFormatTwoAndReadsBackTheSame()
    {
        var written = ProgramFile.Write(ProgramFile.Read(FormatOne));

        Assert.Contains("\"format\": \"journeybot-program/2\"", written);
        Assert.Empty(Schema.Value.Validate(written).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Equal(written, ProgramFile.Write(ProgramFile.Read(written)));
    }

    [Fact]
    public void ItemsWithoutTextGetTheTextJoinedSoCardsShowThem()
    {
        var json = JsonNode.Parse(ProgramFile.Write(SamplePrograms.Full()))!;
        json["program"]!["touchpoints"]![0]!.AsObject().Remove("painPoints");

        var program = ProgramFile.Read(json.ToJsonString());

        Assert.Equal("Price rise is a surprise\nInvoice lacks the PO number", program.Touchpoints[0].PainPoints);
    }

    [Fact]
    public void EveryCorpusProgramConformsToTheSchema()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus");
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "expected.json"))
        {
            var text = File.ReadAllText(file);
            Assert.True(Schema.Value.Validate(text).Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", Schema.Value.Validate(text))}");
            // In the format export writes now (moved along by `upgrade`, never by hand).
            Assert.True(ProgramFile.Write(ProgramFile.Read(text)) + "\n" == text.ReplaceLineEndings("\n"), $"{Path.GetFileName(file)} is not in the current format: run upgrade on it");
        }
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
        { "format = \"other/1\"", "format must be \"journeybot-program/2\" or \"journeybot-program/1\"" },
        { "actions[0].painPointId = \"t2-p1\"", "actions[0].painPointId 't2-p1' is not a pain point of touchpoint 't1'" },
        { "charter.team[0].timePercent = 0", "charter.team[0].timePercent must be between 1 and 100" },
        { "charter.funding.currency = \"euro\"", "charter.funding.currency must be a three-letter code" },
        { "remove charter.name", "name" },
        { "touchpoints[0].sourceLink = \"javascript:alert(1)\"", "touchpoints[0].sourceLink must be an https link" },
        { "progressUpdates[0].acknowledgements[0] by a stranger", "progressUpdates[0].acknowledgements[0] is by someone the card was not sent to" },
        { "progressUpdates[0].sentTo = []", "progressUpdates[0].sentTo names no sponsor" },
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
            case "actions[0].painPointId = \"t2-p1\"": program["actions"]![0]!["painPointId"] = "t2-p1"; break;
            case "charter.team[0].timePercent = 0": program["charter"]!["team"]![0]!["timePercent"] = 0; break;
            case "charter.funding.currency = \"euro\"": program["charter"]!["funding"]!["currency"] = "euro"; break;
            case "remove charter.name": program["charter"]!.AsObject().Remove("name"); break;
            case "touchpoints[0].sourceLink = \"javascript:alert(1)\"": program["touchpoints"]![0]!["sourceLink"] = "javascript:alert(1)"; break;
            case "progressUpdates[0].acknowledgements[0] by a stranger": program["progressUpdates"]![0]!["acknowledgements"]![0]!["sponsorAadObjectId"] = "stranger"; break;
            case "progressUpdates[0].sentTo = []": program["progressUpdates"]![0]!["sentTo"] = new JsonArray(); break;
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
