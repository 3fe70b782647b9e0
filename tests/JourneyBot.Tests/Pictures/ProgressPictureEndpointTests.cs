using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Pictures;
using JourneyBot.Programs;
using JourneyBot.Tests.FollowUps;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Pictures;

// The sponsor's progress card carries its picture as an https link on the bot's host with a signed, expiring token
// naming only that card's snapshot; the image endpoint answers that token with the PNG and anything else with the
// same bare 404.
public sealed class ProgressPictureEndpointTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private const string Host = "https://journeybot.example.com";

    private static JourneyProgram WithReadings()
    {
        var program = Sample();
        return program with
        {
            Readings = [
                new MetricReading { MetricId = "m1", Value = 0.83m, On = StartDay.AddDays(-60), RecordedBy = Owner },
                new MetricReading { MetricId = "m1", Value = 0.85m, On = StartDay.AddDays(-30), RecordedBy = Owner },
            ],
        };
    }

    private static async Task<FollowUpWorld> SentCardAsync(BotFixture fixture)
    {
        var world = await StartAsync(fixture, WithReadings());
        await world.MoveToAsync(fixture.Azurite.ConnectionString,
            new Dictionary<string, string?> { ["Map:PublicUrl"] = Host });
        await world.AtAsync(Start.AddHours(3));
        return world;
    }

    private static JsonObject ImageOf(JsonObject card) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["type"]!.GetValue<string>() == "Image");

    private static async Task<(HttpStatusCode Status, string? Type, byte[] Body)> GetAsync(FollowUpWorld world,
        string path)
    {
        using var response = await world.Bot.Http.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheCardShowsThePictureWithAltTextAndTheFiguresAsTextAndTheLinkServesAPng()
    {
        await using var world = await SentCardAsync(fixture);
        var card = Assert.Single(world.CardsTo(Sponsor), c => CardJson.Text(c).Contains("progress.ack"));
        var image = ImageOf(card);
        var url = new Uri(image["url"]!.GetValue<string>());

        Assert.Equal("https", url.Scheme);
        Assert.Equal("journeybot.example.com", url.Host);
        // Nothing in the address names the program or the tenant.
        Assert.DoesNotContain(world.Program.Id, url.ToString());
        Assert.DoesNotContain(world.TenantId, url.ToString());
        Assert.Contains("Chart of customer emotion by stage", image["altText"]!.GetValue<string>());
        Assert.Contains("Renewal rate: 2 readings from 0.83 to 0.85, target 0.9.",
            image["altText"]!.GetValue<string>());
        var text = CardJson.Text(card);
        Assert.Contains(
            "latest 0.85 % (31 Oct 2026), +0.02 since the reading before, target 0.9 %, baseline 0.82 %", text);

        var (status, type, body) = await GetAsync(world, url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("image/png", type);
        var png = PngImage.Read(body);
        Assert.Equal((600, 300), (png.Width, png.Height));
        Assert.True(body.Length < 100 * 1024, $"{body.Length} bytes");
    }

    [Fact]
    public async Task NoTokenATamperedOneAnExpiredOneAnotherProgramsAndAnotherTenantsAllGetTheSameBare404()
    {
        await using var world = await SentCardAsync(fixture);
        var sent = world.CardsTo(Sponsor).Single(c => CardJson.Text(c).Contains("progress.ack"));
        var path = new Uri(ImageOf(sent)["url"]!.GetValue<string>()).AbsolutePath;
        var token = path["/pictures/".Length..^".png".Length];
        var (snapshotId, expiry, signature) = (token.Split('.')[0], token.Split('.')[1], token.Split('.')[2]);
        var services = world.Bot.Services;
        var key = await services.GetRequiredService<PictureStore>().KeyAsync(CancellationToken.None);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(expiry));

        // A second program of the same tenant, with a picture of its own.
        var other = Sample() with { TenantId = world.TenantId };
        await services.GetRequiredService<ProgramStore>().ImportAsync(other, CancellationToken.None);
        var otherId = PictureTokens.SnapshotId(key, other.TenantId, other.Id, "cadence-1");
        await services.GetRequiredService<PictureStore>().SaveAsync(other.TenantId, other.Id, otherId,
            ProgressPicture.From(other, Snapshot.Take(other, StartDay, new Dictionary<string, HealthStatus>())),
            CancellationToken.None);
        var otherToken = PictureTokens.Issue(key, other.TenantId, other.Id, otherId, expires);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(world, $"/pictures/{otherToken}.png")).Status);

        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        var refused = new Dictionary<string, string>
        {
            ["no token"] = "/pictures/.png",
            ["no file"] = "/pictures/",
            ["not a png"] = $"/pictures/{token}",
            ["garbage"] = "/pictures/not-a-token.png",
            ["tampered signature"] = $"/pictures/{snapshotId}.{expiry}.{flipped}.png",
            ["tampered expiry"] = $"/pictures/{snapshotId}.{long.Parse(expiry) + 3600}.{signature}.png",
            ["another program's snapshot, this signature"] = $"/pictures/{otherId}.{expiry}.{signature}.png",
            // Signed with the real key, but for this program while naming the other program's snapshot.
            ["another program's snapshot, signed for this one"] =
                $"/pictures/{PictureTokens.Issue(key, world.TenantId, world.Program.Id, otherId, expires)}.png",
            ["another tenant"] =
                $"/pictures/{PictureTokens.Issue(key, Guid.NewGuid().ToString(), world.Program.Id, snapshotId,
                    expires)}.png",
            ["another key"] =
                $"/pictures/{PictureTokens.Issue(new byte[32], world.TenantId, world.Program.Id, snapshotId,
                    expires)}.png",
        };
        var answers = new List<(HttpStatusCode, string?, byte[])>();
        foreach (var (why, bad) in refused)
        {
            var answer = await GetAsync(world, bad);
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{why}: {answer.Status}");
            answers.Add(answer);
        }
        // The genuine token still works, until it expires.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(world, path)).Status);
        world.Clock.SetUtcNow(expires.AddSeconds(1));
        answers.Add(await GetAsync(world, path));
        Assert.Equal(HttpStatusCode.NotFound, answers[^1].Item1);

        // Identical refusals: no reason, no body, no type that could tell one from another.
        Assert.All(answers, a =>
            Assert.Equal((HttpStatusCode.NotFound, (string?)null, 0), (a.Item1, a.Item2, a.Item3.Length)));

    }
}
