using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace JourneyBot.Tests.Pictures;

// A decoder for what the app's encoder writes (indexed colour, 8 bits, unfiltered rows), written from the PNG
// specification, with its own bit-by-bit CRC: every chunk's CRC is checked, so a broken encoder cannot pass.
public sealed record PngImage(int Width, int Height, byte BitDepth, byte ColourType, byte[] Palette, byte[] Pixels,
    IReadOnlyList<string> Chunks)
{
    public static PngImage Read(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = new List<string>();
        int width = 0, height = 0;
        byte depth = 0, colour = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.True(crc == BitwiseCrc(png.AsSpan(at + 4, 4 + length)), $"CRC of {type} does not match");
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
                    (depth, colour) = (data[8], data[9]);
                    Assert.Equal(new byte[] { 0, 0, 0 }, data[10..13]);
                    break;
                case "PLTE": palette = data; break;
                case "IDAT": idat.Write(data); break;
            }
            at += 12 + length;
        }
        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        Assert.Equal((width + 1) * height, raw.Length);
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (width + 1)]);
            raw.AsSpan(y * (width + 1) + 1, width).CopyTo(pixels.AsSpan(y * width));
        }
        return new PngImage(width, height, depth, colour, palette, pixels, chunks);
    }

    public static uint BitwiseCrc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
