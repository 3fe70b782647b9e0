using System.Net;
using System.Text.RegularExpressions;
using JourneyBot.Domain;
using JourneyBot.Map;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using JourneyBot.Health;
using JourneyBot.Programs;

namespace JourneyBot.Tests.Map;

public sealed class MapViewTests
{
    private static MapFilter Filter(string query) => MapFilter.From(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

    [Fact]
    public void StagesHoldTheirTouchpointsWithAveragesHandOffsAndLookalikes()
    {
        var view = MapViewBuilder.Build(MapSamples.Program(), new MapFilter(), MapSamples.Today);
        Assert.Equal(["plan", "tell", "settle"], view.Stages.Select(s => s.Id));
        Assert.Equal([1, 2, 2], view.Stages.Select(s => s.Touchpoints.Count));
        Assert.Equal([1.0, -1.5, 2.0], view.Stages.Select(s => s.AverageEmotion!.Value));
        Assert.True(view.Stages[1].IsHandOff);
        Assert.False(view.Stages[0].IsHandOff);
        var t2 = view.Stages[1].Touchpoints.Single(t => t.Id == "t2");
        Assert.Equal("t3", t2.LooksLikeId);
        Assert.True(t2.CriticalPain);
        Assert.Equal(["a1"], t2.Actions.Select(a => a.Id));
        Assert.True(view.Stages[2].Touchpoints.Single(t => t.Id == "t5").Stale);
        Assert.Null(view.Stages[0].Touchpoints[0].LooksLikeId);
    }

    [Theory]
    [InlineData("?persona=renter", new[] { "t1", "t2", "t5" })]
    [InlineData("?department=support", new[] { "t3", "t5" })]
    [InlineData("?channel=phone", new[] { "t2", "t3" })]
    [InlineData("?evidence=data", new[] { "t1", "t4" })]
    [InlineData("?evidence=assumption&pain=1", new[] { "t2", "t3" })]
    [InlineData("?stale=1", new[] { "t5" })]
    [InlineData("?channel=12345&persona=..%2F", new[] { "t1", "t2", "t3", "t4", "t5" })]
    public void FiltersKeepOnlyMatchingTouchpointsAndRoundTripThroughTheUrl(string query, string[] expected)
    {
        var filter = Filter(query);
        var view = MapViewBuilder.Build(MapSamples.Program(), filter, MapSamples.Today);
        Assert.Equal(expected, view.Stages.SelectMany(s => s.Touchpoints).Select(t => t.Id).Order());
        Assert.Equal(filter, Filter(filter.ToQuery()));
    }

    [Fact]
    public void ThePageShowsTypedTextLiterallyAndTheCurveHasItsTextAlternative()
    {
        var html = MapContent.Build(MapViewBuilder.Build(MapSamples.Program(), new MapFilter(), MapSamples.Today));
        Assert.Contains("Chris &lt;b&gt;Contact&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>Contact", html);
        Assert.Contains("role=\"img\" aria-labelledby=\"curve-title curve-desc\"", html);
        Assert.Contains("<desc id=\"curve-desc\">Plan the move: +1; Tell us: -1.5; Settle in: +2</desc>", html);
        Assert.Contains("Emotion by stage as a table", html);
    }

    [Fact]
    public void HealthChecksAboutTouchpointsLinkToTheViewThatShowsThem()
    {
        string View(MapFilter filter, HealthCheckId id) =>
            HealthPanel.LinkFor(new HealthCheck(id, "", HealthStatus.Warn, "", "", ""), f => MapContent.Focus(filter, f), _ => null)!;
        Assert.Equal("?evidence=assumption", View(new MapFilter(), HealthCheckId.Evidence));
        Assert.Equal("?persona=renter&stale=1", View(new MapFilter { PersonaId = "renter" }, HealthCheckId.Stale));
        Assert.Equal("?view=departments#lanes", View(new MapFilter(), HealthCheckId.Silo));
        Assert.Equal("?pain=1#lane-pain", View(new MapFilter(), HealthCheckId.Actions));
        Assert.Equal("#curve", View(new MapFilter(), HealthCheckId.Personas));
    }

    // Every check, in every state a sample program puts it in, links from the tab's panel (to a view of the map, or
    // to the chat with its command typed) and has a button in the chat card.
    [Fact]
    public void EveryHealthCheckHasALinkOnTheTabAndAButtonInChat()
    {
        var links = new MapLinks(new Uri("https://journeybot.example.com"), "00000000-0000-0000-0000-000000000001");
        var programs = new[] { MapSamples.Program(), new JourneyProgram { Id = "p-empty", TenantId = "t", Charter = new Charter { Name = "Empty" } } };
        var seen = new HashSet<HealthCheckId>();
        foreach (var program in programs)
        {
            var view = MapViewBuilder.Build(program, new MapFilter(), MapSamples.Today);
            var html = MapContent.Build(view, links);
            foreach (var check in view.Health)
            {
                seen.Add(check.Id);
                var item = Regex.Match(html, $"<li class=\"check [a-z-]+\" data-check=\"{check.Id.Name()}\">(.*?)</li>").Groups[1].Value;
                Assert.Matches("<a class=\"check-link\" href=\"[^\"]+\"", item);
                Assert.NotNull(check.Command);
                var button = HealthCards.Button(program, check.Id, check.Command!.Value);
                Assert.False(string.IsNullOrEmpty(button.Verb), check.Id.Name());
                if (HealthPanel.FocusOf(check.Id) is null)
                {
                    Assert.Contains($"teams.microsoft.com/l/chat/0/0?users=28:", item);
                    Assert.Contains(Uri.EscapeDataString(check.Command.Value.Typed()), WebUtility.HtmlDecode(item));
                }
            }
        }
        Assert.Equal(Enum.GetValues<HealthCheckId>().ToHashSet(), seen);
    }

    [Fact]
    public void ASnapshotComparisonShowsChangePerStageAndInHealth()
    {
        var program = MapSamples.Program();
        // A review when only the first two touchpoints existed.
        var then = MapHealth.TakeSnapshot(program with { Touchpoints = program.Touchpoints.Take(2).ToList() }, MapSamples.Today.AddDays(-30));
        program = program with { Reviews = [new Review("rev1", MapSamples.Today.AddDays(-30), MapSamples.Owner, then)] };

        var view = MapViewBuilder.Build(program, Filter("?since=r-rev1"), MapSamples.Today);
        Assert.Equal(["r-rev1"], view.Snapshots.Select(s => s.Id));
        var comparison = view.Comparison!;
        Assert.Equal((2, 5), (comparison.TouchpointsThen, comparison.TouchpointsNow));
        Assert.Equal([(1, 1), (1, 2), (0, 2)], comparison.Stages.Select(s => (s.TouchpointsThen, s.TouchpointsNow)));
        Assert.Equal([-2.0, -1.5], new[] { comparison.Stages[1].EmotionThen!.Value, comparison.Stages[1].EmotionNow!.Value });
        var html = MapContent.Build(view);
        Assert.Contains("What changed: Review completed", html);
        Assert.Contains("Touchpoint details were not kept", html);
        Assert.Contains("<option value=\"r-rev1\" selected>", html);

        Assert.Null(MapViewBuilder.Build(program, Filter("?since=r-nope"), MapSamples.Today).Comparison);
    }
}
