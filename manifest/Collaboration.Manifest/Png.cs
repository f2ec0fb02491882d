using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Collaboration.Manifest;

/// <summary>A minimal PNG writer and reader: 8-bit RGBA, no interlace, filter 0 on every row.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Encodes <paramref name="rgba"/> (width*height*4 bytes, rows top to bottom).</summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (rgba.Length != width * height * 4) throw new ArgumentException("The pixel buffer must hold width*height RGBA pixels.", nameof(rgba));
        using var output = new MemoryStream();
        output.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        WriteChunk(output, "IHDR", header);

        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(rgba.Slice(y * width * 4, width * 4));
                }
            }

            WriteChunk(output, "IDAT", raw.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Width and height from the IHDR chunk, after checking the signature.</summary>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || !png[..8].SequenceEqual(Signature) || Encoding.ASCII.GetString(png.Slice(12, 4)) != "IHDR")
        {
            throw new InvalidDataException("Not a PNG file: the signature or the IHDR chunk is missing.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    /// <summary>Decodes what <see cref="Encode"/> writes (RGBA, filter 0) back to pixels; checks every chunk's CRC.</summary>
    public static (int Width, int Height, byte[] Rgba) Decode(byte[] png)
    {
        var (width, height) = ReadSize(png);
        if (png[24] != 8 || png[25] != 6 || png[28] != 0) throw new InvalidDataException("Only 8-bit RGBA, non-interlaced PNGs are read here.");
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            if (crc != Crc32(png.AsSpan(at + 4, length + 4))) throw new InvalidDataException($"Bad CRC in the {type} chunk.");
            if (type == "IDAT") idat.Write(png, at + 8, length);
            at += 12 + length;
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        var stride = width * 4;
        if (rows.Length != height * (stride + 1)) throw new InvalidDataException("The image data does not match the size in IHDR.");
        var rgba = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            if (rows[y * (stride + 1)] != 0) throw new InvalidDataException("Only filter type 0 is read here.");
            Array.Copy(rows, y * (stride + 1) + 1, rgba, y * stride, stride);
        }

        return (width, height, rgba);
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var buffer = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        Encoding.ASCII.GetBytes(type, buffer.AsSpan(4));
        data.CopyTo(buffer, 8);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8 + data.Length), Crc32(buffer.AsSpan(4, 4 + data.Length)));
        output.Write(buffer);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        return table;
    }
}
