using System.Text;
using JourneyBot.Domain;
using JourneyBot.Pictures;
using JourneyBot.Tests.Map;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Pictures;

// The small PNG encoder and rasteriser: what they write decodes to what was drawn, by our own decoder and by
// Chromium.
public sealed class PngEncoderTests
{
    [Fact]
    public void TheCrcIsTheStandardOne()
    {
        Assert.Equal(0xCBF43926u, Crc32.Of(Encoding.ASCII.GetBytes("123456789")));
        // IEND's CRC, as every PNG file ends.
        Assert.Equal(0xAE426082u, Crc32.Of(Encoding.ASCII.GetBytes("IEND")));
        Assert.Equal(0xCBF43926u, PngImage.BitwiseCrc(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void WhatIsDrawnDecodesPixelForPixel()
    {
        var canvas = new Canvas(9, 5);
        canvas.Fill(1, 1, 3, 2, 1);
        canvas.Line(0, 4, 8, 0, 2);
        canvas.Disc(7, 3, 1, 3);
        canvas.Set(50, 50, 2); // outside: clipped
        var png = Png.Encode(9, 5, canvas.Pixels, [(255, 255, 255), (0, 0, 0), (10, 20, 30), (200, 100, 0)]);

        var image = PngImage.Read(png);
        Assert.Equal((9, 5, (byte)8, (byte)3), (image.Width, image.Height, image.BitDepth, image.ColourType));
        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], image.Chunks);
        Assert.Equal(new byte[] { 255, 255, 255, 0, 0, 0, 10, 20, 30, 200, 100, 0 }, image.Palette);
        Assert.Equal(canvas.Pixels, image.Pixels);
        Assert.Equal(1, image.Pixels[1 * 9 + 2]);
        Assert.Equal(2, image.Pixels[4 * 9 + 0]);
        Assert.Equal(2, image.Pixels[0 * 9 + 8]);
        Assert.Equal(3, image.Pixels[3 * 9 + 7]);
    }

    [Fact]
    public void ABadSizeOrPaletteIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Png.Encode(2, 2, new byte[3], [(0, 0, 0)]));
        Assert.Throws<ArgumentException>(() => Png.Encode(1, 1, new byte[1], []));
    }

    [Fact]
    public void TheProgressPictureIsSmallAndItsCurveSitsWhereTheEmotionsAre()
    {
        var picture = Sample();
        var png = picture.Render();
        var image = PngImage.Read(png);

        Assert.Equal((600, 300), (image.Width, image.Height));
        Assert.True(png.Length < 100 * 1024, $"{png.Length} bytes");
        // Stage 1 (-1.5) is a low marker, stage 3 (+2) a curve marker, each at y = 16 + (2 - e) / 4 * 268.
        var (x0, x1) = (40 + 8, 300 - 16 - 8);
        Assert.Equal(6, image.Pixels[(16 + (int)Math.Round(3.5 / 4 * 268)) * 600 + x0]);
        Assert.Equal(3, image.Pixels[16 * 600 + x1]);
        Assert.Contains("Stage 1 -1.5", picture.AltText());
        Assert.Contains("Renewal rate: 3 readings from 80 to 86, target 90.", picture.AltText());
    }

    [Fact]
    public async Task ChromiumDecodesTheProgressPicture()
    {
        var png = Sample().Render();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TeamsHost.ChromiumPath, Headless = true,
        });
        var page = await browser.NewPageAsync();
        var size = await page.EvaluateAsync<int[]>(@"async src => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const p = g.getImageData(0, 0, 1, 1).data;
            return [img.naturalWidth, img.naturalHeight, p[0], p[1], p[2]];
        }", "data:image/png;base64," + Convert.ToBase64String(png));
        Assert.Equal([600, 300, 255, 255, 255], size);
    }

    public static ProgressPicture Sample() => new(new DateOnly(2026, 11, 30),
        [new StagePoint("Stage 1", -1.5), new StagePoint("Stage 2", null), new StagePoint("Stage 3", 2)],
        [new MetricTrend("Renewal rate", "%", 82, 90,
            [(new DateOnly(2026, 9, 1), 80m), (new DateOnly(2026, 10, 1), 84m), (new DateOnly(2026, 11, 1), 86m)])]);

}
