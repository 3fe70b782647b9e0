using System.Net;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;
using JourneyBot.Tests.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Admin;

// The rows a review held in a meeting leaves in its program's partition (`meeting|…`: the meeting's state, one row
// per participant, one per proposal) go with the program, and erase-person leaves none of the person in them: their
// participant row stands under the marker, so the meeting's counts still add up.
public sealed class MeetingRowsRemovalTests(MapWorld world) : IClassFixture<MapWorld>
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var result = await Tool.RunAppAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Storage"] = world.Azurite.ConnectionString }, args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private async Task<List<string>> RowsAsync(string partition) =>
        (await TableScan.EveryRowAsync(world.Azurite.ConnectionString))
            .Where(r => r.Split('/')[1] == partition).ToList();

    // The person opens the side panel, verifies one touchpoint and proposes a change to another.
    private async Task TakePartAsync(JourneyProgram program, Person person, string verify, string propose, string text)
    {
        var panel = await MeetingSamples.PanelAsync(world, program, person, "?chat=" +
            Uri.EscapeDataString(MeetingSamples.ChatId()));
        var token = world.TokenFor(program, person.AadObjectId);
        var verified = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/verify", token,
            new { touchpointId = verify, version = MeetingSamples.VersionIn(panel, verify, "verify") });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var proposed = await MeetingSamples.PostAsync(world, $"/map/{program.Id}/meeting/propose", token,
            new { touchpointId = propose, version = MeetingSamples.VersionIn(panel, propose, "propose"), text });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
    }

    [Fact]
    public async Task DeletingTheProgramRemovesItsMeetingRows()
    {
        var program = await world.ImportAsync(MeetingSamples.Program());
        await MeetingSamples.PanelAsync(world, program, MapSamples.Owner);
        await TakePartAsync(program, MapSamples.Contact, "t1", "t2", "Ask for the move date first");
        var meeting = (await RowsAsync(program.Id))
            .Where(r => r.Contains("/meeting|", StringComparison.Ordinal)).ToList();
        Assert.Contains(meeting, r => r.Contains("/meeting|state/", StringComparison.Ordinal));
        Assert.Contains(meeting, r => r.Contains("/meeting|p|contact-oid/", StringComparison.Ordinal));
        Assert.Contains(meeting, r => r.Contains("/meeting|x|", StringComparison.Ordinal));

        var deleted = await RunAsync("delete-program", "--tenant", program.TenantId, "--program", program.Id);

        Assert.True(deleted.Code == 0, deleted.Err);
        var left = (await TableScan.EveryRowAsync(world.Azurite.ConnectionString))
            .Where(r => r.Contains(program.Id)).ToList();
        Assert.True(left.Count == 0, "left: " + string.Join("\n", left));
    }

    [Fact]
    public async Task ErasingAPersonLeavesNoneOfThemInMeetingRowsAndTheirParticipationUnderTheMarker()
    {
        var seed = await ErasureSeed.PlantAsync(world);
        var (zofia, owner) = (seed.Erased, seed.Owner);
        // A review completed in a meeting in one program (who took part is on the review) and one under way in the
        // other, with her participant row and her proposal naming her.
        await MeetingSamples.PanelAsync(world, seed.Main, owner);
        await TakePartAsync(seed.Main, zofia, "t3", "t2", $"Ask {zofia.DisplayName} for the form");
        var done = await MeetingSamples.PostAsync(world, $"/map/{seed.Main.Id}/meeting/complete",
            world.TokenFor(seed.Main, owner.AadObjectId), new { });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await MeetingSamples.PanelAsync(world, seed.Second, owner);
        await TakePartAsync(seed.Second, zofia, "t3", "t5", $"{zofia.DisplayName} sends these now");
        var key = "meeting|p|" + TableKey.Encode(zofia.AadObjectId);
        Assert.Contains(await RowsAsync(seed.Second.Id), r => r.Contains($"/{key}/", StringComparison.Ordinal));

        var erased = await RunAsync("erase-person", "--tenant", seed.TenantId, "--aad", zofia.AadObjectId);

        Assert.True(erased.Code == 0, erased.Out + erased.Err);
        var left = (await TableScan.EveryTextAsync(world.Azurite.ConnectionString))
            .Where(t => t.PartitionKey.StartsWith(seed.Main.Id, StringComparison.Ordinal)
                || t.PartitionKey.StartsWith(seed.Second.Id, StringComparison.Ordinal))
            .Where(t => t.Text.Contains(zofia.AadObjectId, StringComparison.OrdinalIgnoreCase)
                || t.Text.Contains(zofia.DisplayName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(left.Count == 0, "left: " + string.Join(", ", left));

        var marker = ErasedPerson.For(seed.TenantId, zofia.AadObjectId);
        var tables = world.App.Services.GetRequiredService<StorageTables>();
        var row = (await tables.Programs.GetEntityIfExistsAsync<TableEntity>(seed.Second.Id,
            "meeting|p|" + marker.AadObjectId)).Value;
        Assert.NotNull(row);
        Assert.Equal(marker.AadObjectId, row!.GetString("AadObjectId"));
        Assert.Equal(ErasedPerson.DisplayName, row.GetString("DisplayName"));
        Assert.Equal(1, row.GetInt32("Verified"));
        Assert.Equal(1, row.GetInt32("Proposed"));
        var ownerPanel = await MeetingSamples.PanelAsync(world, seed.Second, owner);
        Assert.Contains("Erased person: 1 verified, 0 retired, 1 proposed", ownerPanel);
        Assert.Contains("Erased person sends these now", ownerPanel);
        var review = (await world.App.Services.GetRequiredService<ProgramStore>()
            .LoadAsync(seed.TenantId, seed.Main.Id, CancellationToken.None))!.Reviews
            .Single(r => r.Participants is not null);
        Assert.Contains(marker, review.Participants!);
        Assert.Contains(owner, review.Participants!);
    }
}
