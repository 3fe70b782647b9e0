using System.Globalization;
using JourneyBot.Domain;

namespace JourneyBot.Actions;

// An action's metric movement in words, the same on every card that shows it ("+6 points since done, 2 readings").
public static class ImpactText
{
    public static string Of(JourneyProgram program, ImprovementAction action)
    {
        if (program.Charter.Metrics.FirstOrDefault(m => m.Id == action.MetricId) is not { } metric)
        {
            return "This action names no outcome metric, so there is no figure to show.";
        }
        if (ActionImpact.Of(program, action) is not { } impact)
        {
            return $"{metric.Name}: not judged yet (the action has no done date).";
        }
        if (impact.Before is null)
        {
            return $"{metric.Name}: not judged yet, there is no reading from before the work started.";
        }
        if (impact.Latest is null)
        {
            return $"{metric.Name}: not judged yet, no reading since it was done (last before: " +
                   $"{Number(impact.Before.Value, metric.Unit)} on {impact.Before.On:d MMM yyyy}).";
        }
        var change = impact.Change!.Value;
        var readings = impact.ReadingsSinceDone == 1 ? "1 reading" : $"{impact.ReadingsSinceDone} readings";
        var direction = impact.TowardsTarget switch
        {
            > 0 => ", towards the target",
            < 0 => ", away from the target",
            _ => "",
        };
        return $"{metric.Name}: {Signed(change)} {Unit(metric.Unit)} since done, {readings} " +
               $"({Number(impact.Before.Value, metric.Unit)} → " +
               $"{Number(impact.Latest.Value, metric.Unit)}{direction}).";
    }

    private static string Signed(decimal value) => value.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    private static string Unit(string? unit) => string.IsNullOrWhiteSpace(unit) ? "points" : unit.Trim();

    private static string Number(decimal value, string? unit) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) +
        (string.IsNullOrWhiteSpace(unit) ? "" : " " + unit.Trim());

}
