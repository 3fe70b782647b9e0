using System.Globalization;
using System.Text;
using JourneyBot.Domain;

namespace JourneyBot.Pictures;

public sealed record StagePoint(string Name, double? Emotion);

public sealed record MetricTrend(string Name, string? Unit, decimal? Baseline, decimal? Target,
    IReadOnlyList<(DateOnly On, decimal Value)> Readings);

// What a progress card's picture shows, as the card's snapshot had it: the emotion of each stage and each outcome
// metric's readings up to that day. Kept with the picture's row, so the picture never reads the program again.
public sealed record ProgressPicture(
    DateOnly TakenOn, IReadOnlyList<StagePoint> Stages, IReadOnlyList<MetricTrend> Metrics)
{
    public const int Width = 600;
    public const int Height = 300;
    // The picture draws this many metrics at most; the card's text lists them all.
    public const int MostMetrics = 3;
    private const int MostReadings = 60;

    public static ProgressPicture From(JourneyProgram program, Snapshot snapshot) => new(
        snapshot.TakenOn,
        program.Charter.Stages.Select(s => new StagePoint(s.Name,
            snapshot.EmotionByStage.TryGetValue(s.Id, out var e) ? e : null)).ToList(),
        program.Charter.Metrics.Where(m => m.Kind == MetricKind.Outcome).Select(m => new MetricTrend(m.Name, m.Unit,
            m.Baseline, m.Target, program.ReadingsOf(m.Id).Where(r => r.On <= snapshot.TakenOn).TakeLast(MostReadings)
                .Select(r => (r.On, r.Value)).ToList())).ToList());

    // The same figures in words, for screen readers and for Teams clients that show no pictures.
    public string AltText()
    {
        var text = new StringBuilder("Chart of customer emotion by stage (-2 to +2): ");
        text.Append(Stages.Count == 0 ? "no stages" : string.Join(", ", Stages.Select(s => $"{s.Name} " +
            (s.Emotion is { } e ? e.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "no rating"))));
        text.Append('.');
        foreach (var metric in Metrics.Take(MostMetrics))
        {
            text.Append(' ').Append(metric.Name).Append(": ");
            text.Append(metric.Readings.Count == 0 ? "no readings yet" : metric.Readings.Count == 1
                ? $"one reading, {Number(metric.Readings[0].Value)}"
                : $"{metric.Readings.Count} readings from {Number(metric.Readings[0].Value)} to " +
                  $"{Number(metric.Readings[^1].Value)}");
            if (metric.Target is { } target) text.Append($", target {Number(target)}");
            text.Append('.');
        }
        return text.ToString();
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Colours of the palette, by index.
    private const byte Paper = 0, Ink = 1, Grid = 2, Curve = 3, TargetLine = 4, Reading = 5, Low = 6, BaseLine = 7;

    public static readonly IReadOnlyList<(byte R, byte G, byte B)> Palette =
    [
        (255, 255, 255), (36, 36, 36), (224, 224, 224), (70, 71, 117), (16, 124, 16), (202, 80, 16), (196, 49, 75),
        (128, 128, 128),
    ];

    public byte[] Render()
    {
        var canvas = new Canvas(Width, Height);
        var split = Metrics.Count == 0 ? Width : Width / 2;
        DrawEmotion(canvas, 0, split);
        var shown = Metrics.Take(MostMetrics).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var top = i * Height / shown.Count;
            DrawMetric(canvas, shown[i], split, top, Width - split, Height / shown.Count);
        }
        return Png.Encode(Width, Height, canvas.Pixels, Palette);
    }

    private void DrawEmotion(Canvas canvas, int left, int width)
    {
        const int top = 16, bottom = Height - 16;
        var x0 = left + 40;
        var x1 = left + width - 16;
        int Y(double emotion) => (int)Math.Round(top + (2 - emotion) / 4 * (bottom - top));
        for (var level = -2; level <= 2; level++)
        {
            canvas.Line(x0, Y(level), x1, Y(level), level == 0 ? Ink : Grid);
            var label = level.ToString("+0;-0;0", CultureInfo.InvariantCulture);
            canvas.Text(x0 - 8 - Canvas.TextWidth(label), Y(level) - 5, label, Ink);
        }
        if (Stages.Count == 0) return;
        int X(int i) => Stages.Count == 1 ? (x0 + x1) / 2 : x0 + 8 + i * (x1 - x0 - 16) / (Stages.Count - 1);
        (int X, int Y)? previous = null;
        for (var i = 0; i < Stages.Count; i++)
        {
            canvas.Line(X(i), bottom, X(i), bottom + 4, Ink);
            if (Stages[i].Emotion is not { } emotion) { previous = null; continue; }
            var point = (X: X(i), Y: Y(emotion));
            if (previous is { } p) canvas.Line(p.X, p.Y, point.X, point.Y, Curve, thickness: 3);
            previous = point;
        }
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i].Emotion is { } emotion) canvas.Disc(X(i), Y(emotion), 5, emotion < 0 ? Low : Curve);
        }
    }

    private static void DrawMetric(Canvas canvas, MetricTrend metric, int left, int top, int width, int height)
    {
        var y0 = top + 12;
        var y1 = top + height - 12;
        var x0 = left + 56;
        var x1 = left + width - 12;
        canvas.Line(left + 4, top, left + 4, top + height - 1, Grid);
        var values = metric.Readings.Select(r => r.Value)
            .Concat(new[] { metric.Baseline, metric.Target }.OfType<decimal>()).ToList();
        if (values.Count == 0) return;
        var (low, high) = (values.Min(), values.Max());
        if (low == high) (low, high) = (low - 1, high + 1);
        int Y(decimal v) => (int)Math.Round(y1 - (double)((v - low) / (high - low)) * (y1 - y0));
        canvas.Line(x0, y1, x1, y1, Ink);
        canvas.Text(left + 10, y0 - 4, Number(high), Ink);
        canvas.Text(left + 10, y1 - 8, Number(low), Ink);
        if (metric.Baseline is { } baseline) canvas.Line(x0, Y(baseline), x1, Y(baseline), BaseLine, dash: 4);
        if (metric.Target is { } target) canvas.Line(x0, Y(target), x1, Y(target), TargetLine, thickness: 2, dash: 6);
        if (metric.Readings.Count == 0) return;
        var first = metric.Readings[0].On.DayNumber;
        var span = Math.Max(1, metric.Readings[^1].On.DayNumber - first);
        int X(DateOnly on) => metric.Readings.Count == 1
            ? (x0 + x1) / 2
            : x0 + 6 + (on.DayNumber - first) * (x1 - x0 - 12) / span;

        for (var i = 1; i < metric.Readings.Count; i++)
        {
            canvas.Line(X(metric.Readings[i - 1].On), Y(metric.Readings[i - 1].Value),
                X(metric.Readings[i].On), Y(metric.Readings[i].Value), Reading, thickness: 2);
        }
        foreach (var (on, value) in metric.Readings) canvas.Disc(X(on), Y(value), 4, Reading);
    }
}
