using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace JourneyBot.Pictures;

// A PNG encoder for indexed-colour pictures (colour type 3, 8 bits a pixel): no image library is on the feed, and a
// chart of a few flat colours needs no more. Rows are stored unfiltered; zlib does the rest.
public static class Png
{
    public static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> pixels,
        IReadOnlyList<(byte R, byte G, byte B)> palette)
    {
        if (width <= 0 || height <= 0 || pixels.Length != width * height)
        {
            throw new ArgumentException("The pixels do not match the picture's size.", nameof(pixels));
        }
        if (palette.Count is 0 or > 256)
        {
            throw new ArgumentException("A palette holds 1 to 256 colours.", nameof(palette));
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // indexed colour
        Chunk(output, "IHDR", header);
        Chunk(output, "PLTE", palette.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray());
        Chunk(output, "IDAT", Compress(width, height, pixels));
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Compress(int width, int height, ReadOnlySpan<byte> pixels)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels.Slice(y * width, width));
            }
        }
        return compressed.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        // The CRC covers the type and the data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Of(typeBytes, data));
        output.Write(number);
    }
}

// CRC-32 as PNG (and zlib's gzip cousin) defines it: polynomial 0xEDB88320, reflected, inverted.
public static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Of(params ReadOnlySpan<byte[]> parts)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var part in parts)
        {
            foreach (var b in part) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
