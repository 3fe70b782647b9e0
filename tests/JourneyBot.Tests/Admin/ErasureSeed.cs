using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Actions;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Map;
using JourneyBot.Outreach;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Map;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Admin;

// A tenant in which one person (Zofia) is everywhere a person can be: owner, sponsor, team member and contact of one
// program and contact of another; creator of touchpoints, owner and assigner of actions, the one who held a review,
// a progress card's recipient who acknowledged it (and an older per-sponsor record); invited, unreachable, planned
// for; with sends of her own waiting, a send to someone else that names her, her personal chat and a channel she
// installed the bot in (both through /api/messages), and map snapshots of both programs, one with chunks a save left
// behind. Another tenant's program names her id too, and stays as it is.
public sealed record ErasureSeed(string TenantId, Person Erased, Person Owner, Person Contact,
    JourneyProgram Main, JourneyProgram Second, JourneyProgram Elsewhere, string PersonalChat, string ChannelChat)
{
    public const string SnapshotId = "r-rv1";

    public static async Task<ErasureSeed> PlantAsync(MapWorld world, Person? erased = null)
    {
        var tenant = Guid.NewGuid().ToString();
        // A surname of her own per test: the tests share one account, and a scan looks for her name in all of it.
        var surname = "Quill" + string.Concat(Guid.NewGuid().ToString("N").Take(8).Select(c => (char)('a' + c % 26)));
        var zofia = erased ?? new Person(Guid.NewGuid().ToString(), "Zofia " + surname);
        var owner = new Person(Guid.NewGuid().ToString(), "Olivia Owner");
        var sponsor = new Person(Guid.NewGuid().ToString(), "Sam Sponsor");
        var contact = new Person(Guid.NewGuid().ToString(), "Chris Contact");
        var today = MapSamples.Today;

        var sample = MapSamples.Program(tenant);
        var charter = sample.Charter with
        {
            Name = "Home move",
            Owners = [owner, zofia],
            Sponsors = [sponsor, zofia],
            Team = [new TeamMember(zofia, 30), new TeamMember(owner, 50)],
            Departments = [new("billing", "Billing", [zofia, contact]), new("support", "Support", [contact]),
                new("field", "Field service", [])],
        };
        var touchpoints = sample.Touchpoints.Select((t, i) => t with { CreatedBy = i < 2 ? zofia : contact }).ToList();
        touchpoints[0] = touchpoints[0] with
        {
            Verbatim = $"{zofia.DisplayName} walked me through it",
            Backstage = new Backstage(zofia.DisplayName, "CRM", "Two screens"),
        };
        // Taken from a Teams message she wrote ("Add as touchpoint"): she is its source author.
        touchpoints[2] = touchpoints[2] with
        {
            CustomerAction = "Annual statement arrives", SourceAuthor = zofia, SourceLink = "https://teams.microsoft.com/l/message/1",
        };
        var before = sample with { Charter = charter, Touchpoints = touchpoints };
        var main = before with
        {
            Actions =
            [
                sample.Actions[0] with { Owner = zofia, AssignedBy = owner },
                sample.Actions[1] with { Owner = owner, AssignedBy = zofia },
            ],
            Reviews = [new Review("rv1", today.AddDays(-30), zofia, MapHealth.TakeSnapshot(before, today.AddDays(-30)))
                { Note = $"Held with {zofia.DisplayName} and the billing team" }],
            ProgressUpdates = [new ProgressCard("cadence-1", today.AddDays(-20),
                [sponsor.AadObjectId, zofia.AadObjectId], [new Acknowledgement(zofia.AadObjectId, today.AddDays(-19))],
                MapHealth.TakeSnapshot(before, today.AddDays(-20)))],
        };
        var second = MapSamples.Program(tenant) with
        {
            Charter = sample.Charter with
            {
                Name = "Complaints", Owners = [owner], Sponsors = [sponsor],
                Departments = [new("billing", "Billing", [contact]), new("support", "Support", [zofia]),
                    new("field", "Field service", [])],
            },
            Touchpoints = sample.Touchpoints.Select((t, i) => t with { CreatedBy = i == 2 ? zofia : contact }).ToList(),
            Actions = [sample.Actions[0] with { Owner = owner }],
        };
        var elsewhere = MapSamples.Program() with
        {
            Charter = sample.Charter with { Owners = [zofia], Sponsors = [sponsor] },
        };

        var services = world.App.Services;
        foreach (var program in new[] { main, second, elsewhere }) await world.ImportAsync(program);
        var snapshots = services.GetRequiredService<MapSnapshotStore>();
        var taken = new[] { (main, SnapshotId, -30), (main, "p-card", -20), (second, "r-second", 0),
            (elsewhere, "r-elsewhere", 0) };
        foreach (var (program, id, day) in taken)
        {
            var snapshot = MapSnapshot.Take(program, today.AddDays(day));
            await snapshots.SaveAsync(program.Id, id, snapshot, CancellationToken.None);
        }
        var tables = services.GetRequiredService<StorageTables>();
        await LeaveStaleChunksAsync(tables.Programs, main.Id);

        var followUps = services.GetRequiredService<FollowUpStore>();
        var reviewDue = $"review|{today:yyyyMMdd}|1|";
        await followUps.MarkPlannedAsync(main.Id, [reviewDue + zofia.AadObjectId, $"gaps|billing|0|{zofia.AadObjectId}",
            reviewDue + owner.AadObjectId], CancellationToken.None);
        await followUps.RecordUnreachableAsync(main.Id, zofia, "JourneyBot is not installed for them.",
            CancellationToken.None);
        var opener = services.GetRequiredService<CollectionOpener>();
        await opener.RecordInvitedAsync(main.Id, zofia.AadObjectId, CancellationToken.None);
        await opener.RecordInvitedAsync(main.Id, contact.AadObjectId, CancellationToken.None);
        var older = new SponsorProgressRecord(zofia.AadObjectId, today.AddDays(-50), today.AddDays(-49));
        await tables.Programs.AddEntityAsync(new PartRow
        {
            PartitionKey = main.Id, RowKey = ProgramKeys.Progress(older.SentOn, zofia.AadObjectId, 0),
            Json = JsonSerializer.Serialize(older, ProgramFile.Options),
        });

        await ScheduleSendsAsync(services.GetRequiredService<ScheduleStore>(), tenant, main, zofia, owner);

        var personal = await InstallAsync(world, tenant, zofia, "personal");
        var channel = await InstallAsync(world, tenant, zofia, "channel");
        await InstallAsync(world, tenant, owner, "personal");
        await services.GetRequiredService<ActiveProgramStore>()
            .SetAsync(tenant, personal, main.Id, CancellationToken.None);
        // What she last used in the message dialog, kept beside her conversation rows.
        await services.GetRequiredService<JourneyBot.MessageActions.LastUsedStore>().SetAsync(tenant, zofia.AadObjectId,
            new JourneyBot.MessageActions.LastUsed(main.Id, "s1", "billing", "p1", "words"), CancellationToken.None);
        return new ErasureSeed(tenant, zofia, owner, contact, main, second, elsewhere, personal, channel);
    }

    // Sends of her own (a digest, a progress card, an invitation), and someone else's that name her.
    private static async Task ScheduleSendsAsync(ScheduleStore schedule, string tenant, JourneyProgram main,
        Person zofia, Person owner)
    {
        var due = DateTimeOffset.UtcNow.AddDays(2);
        Task Add(string id, string kind, Person to, object payload) => schedule.AddAsync(new ScheduledItem(id, kind,
            due, tenant, to.AadObjectId, JsonSerializer.Serialize(payload, FollowUpItems.Json)),
            CancellationToken.None);
        var (her, his) = (zofia.AadObjectId, owner.AadObjectId);
        var entry = new DigestEntry($"review|x|1|{her}", FollowUpKind.ReviewDue, main.Id, main.Charter.Name,
            "The review is due.", zofia);
        await Add($"digest|{tenant}|{her}|20991231", FollowUpItems.DigestKind, zofia, new DigestPayload([entry]));
        await Add($"progress|{main.Id}|progress|2|{her}", FollowUpItems.ProgressKind, zofia,
            new ProgressPayload(main.Id, zofia, $"progress|2|{her}", "cadence-2"));
        await Add($"invite|{main.Id}|{her}", CollectionOpener.Kind, zofia,
            new InvitationPayload(main.Id, "billing", zofia));
        var naming = new DigestEntry("action|a2|0", FollowUpKind.ActionOverdue, main.Id, main.Charter.Name,
            $"{zofia.DisplayName} gave you \"Add move date to the form\"; it is overdue.", owner) { ActionId = "a2" };
        await Add($"digest|{tenant}|{his}|20991231", FollowUpItems.DigestKind, owner, new DigestPayload([naming]));
        await Add($"assignment|{main.Id}|a2|{his}", AssignmentWork.WorkKind, owner,
            new AssignmentPayload(main.Id, "a2", his));
    }

    // The first snapshot's chunks again under another write: what a save that stopped before its header leaves.
    private static async Task LeaveStaleChunksAsync(TableClient programs, string programId)
    {
        var partition = ProgramKeys.SnapshotPartition(programId);
        await foreach (var chunk in programs.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            var ours = $"{ProgramKeys.SnapshotChunkPrefix}{SnapshotId}|";
            if (!chunk.RowKey.StartsWith(ours, StringComparison.Ordinal)) continue;
            var index = chunk.RowKey[(chunk.RowKey.LastIndexOf('|') + 1)..];
            var stale = ProgramKeys.SnapshotChunks(SnapshotId, "stale0000000") + index;
            await programs.AddEntityAsync(new TableEntity(partition, stale)
            {
                ["Data"] = chunk.GetBinary("Data"),
            });
        }
    }

    // The bot added to a conversation by the person, through the real endpoint; returns the conversation id.
    private static async Task<string> InstallAsync(MapWorld world, string tenant, Person person, string type)
    {
        var chat = new Activities(world.Channel.ServiceUrl, world.AppId)
        {
            TenantId = tenant, UserAadObjectId = person.AadObjectId, ConversationType = type,
            ConversationId = type == "personal"
                ? "a:" + Guid.NewGuid().ToString("N")
                : $"19:{Guid.NewGuid():N}@thread.tacv2",
        };
        var response = await world.App.PostActivityAsync(chat.BotAdded(), world.Channel.MintToken(world.AppId));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted,
            $"install: {response.StatusCode}");
        return chat.ConversationId;
    }
}
