namespace JourneyBot.Pictures;

// A picture of palette indices to draw charts on: rectangles, thick lines, filled discs and small bitmap digits.
// Coordinates are pixels from the top left; whatever falls outside is clipped.
public sealed class Canvas(int width, int height)
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public byte[] Pixels { get; } = new byte[width * height];

    public void Set(int x, int y, byte colour)
    {
        if ((uint)x < (uint)Width && (uint)y < (uint)Height) Pixels[y * Width + x] = colour;
    }

    public void Fill(int x, int y, int w, int h, byte colour)
    {
        var x0 = Math.Max(0, x);
        var x1 = Math.Min(Width, x + w);
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + h); row++)
        {
            if (x1 > x0) Pixels.AsSpan(row * Width + x0, x1 - x0).Fill(colour);
        }
    }

    public void Disc(int cx, int cy, int radius, byte colour)
    {
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                if (dx * dx + dy * dy <= radius * radius) Set(cx + dx, cy + dy, colour);
            }
        }
    }

    // Bresenham's line, each point a square of the given thickness; dashes skip every other run of `dash` points.
    public void Line(int x0, int y0, int x1, int y1, byte colour, int thickness = 1, int dash = 0)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        var half = thickness / 2;
        for (var step = 0; ; step++)
        {
            if (dash == 0 || step / dash % 2 == 0) Fill(x0 - half, y0 - half, thickness, thickness, colour);
            if (x0 == x1 && y0 == y1) break;
            var e2 = 2 * error;
            if (e2 >= dy) { error += dy; x0 += sx; }
            if (e2 <= dx) { error += dx; y0 += sy; }
        }
    }

    // Digits, signs and a few marks in a 3×5 font, scaled; enough to label axes. Unknown characters leave a gap.
    public void Text(int x, int y, string text, byte colour, int scale = 2)
    {
        foreach (var c in text)
        {
            if (Glyphs.TryGetValue(c, out var rows))
            {
                for (var row = 0; row < 5; row++)
                {
                    for (var col = 0; col < 3; col++)
                    {
                        if ((rows[row] >> (2 - col) & 1) == 1)
                        {
                            Fill(x + col * scale, y + row * scale, scale, scale, colour);
                        }

                    }
                }
            }
            x += 4 * scale;
        }
    }

    public static int TextWidth(string text, int scale = 2) => text.Length * 4 * scale - scale;

    private static readonly Dictionary<char, byte[]> Glyphs = new()
    {
        ['0'] = [7, 5, 5, 5, 7], ['1'] = [2, 6, 2, 2, 7], ['2'] = [7, 1, 7, 4, 7], ['3'] = [7, 1, 3, 1, 7],
        ['4'] = [5, 5, 7, 1, 1], ['5'] = [7, 4, 7, 1, 7], ['6'] = [7, 4, 7, 5, 7], ['7'] = [7, 1, 1, 2, 2],
        ['8'] = [7, 5, 7, 5, 7], ['9'] = [7, 5, 7, 1, 7], ['+'] = [0, 2, 7, 2, 0], ['-'] = [0, 0, 7, 0, 0],
        ['.'] = [0, 0, 0, 0, 2], ['%'] = [5, 1, 2, 4, 5], [' '] = [0, 0, 0, 0, 0],
    };
}
