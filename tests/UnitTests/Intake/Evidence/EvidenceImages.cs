using System.Buffers.Binary;
using SkiaSharp;

namespace SafetyReports.UnitTests.Intake.Evidence;

/// <summary>Images made in the test: real encodings from Skia, with metadata and headers spliced in byte by byte.</summary>
internal static class EvidenceImages
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, x < width / 2 ? SKColors.Red : SKColors.Blue);
            }
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF segment (APP1) right after its start marker: an orientation and a camera serial.</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation, string serial)
    {
        var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg);
        var exif = ExifSegment(orientation, serial);
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    public const string CameraSerial = "PhoneCam-SN-4711";

    /// <summary>
    /// A JPEG carrying an EXIF segment as a phone writes it: the camera (<see cref="CameraSerial"/>) in IFD0 and a GPS IFD
    /// with the latitude 52° 31' 12.34" N.
    /// </summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg);
        byte[] payload = [.. "Exif\0\0"u8, .. GpsTiff()];
        byte[] app1 = [0xFF, 0xE1, .. U16(payload.Length + 2), .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>A PNG with a text chunk after its header chunk (e.g. a GPS position written by a phone).</summary>
    public static byte[] PngWithText(int width, int height, string keyword, string text)
    {
        var png = Encode(width, height, SKEncodedImageFormat.Png);
        const int afterHeader = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
        var chunk = Chunk("tEXt", [.. System.Text.Encoding.Latin1.GetBytes(keyword), 0, .. System.Text.Encoding.Latin1.GetBytes(text)]);
        return [.. png[..afterHeader], .. chunk, .. png[afterHeader..]];
    }

    /// <summary>A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> but carries almost no data.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        return [.. length, .. typeBytes, .. data, .. crc];
    }

    // APP1 "Exif\0\0" + a big-endian TIFF header + one IFD: Orientation (0x0112, SHORT) and BodySerialNumber (0xA431, ASCII).
    private static byte[] ExifSegment(ushort orientation, string serial)
    {
        var serialBytes = System.Text.Encoding.ASCII.GetBytes(serial + "\0");
        var tiff = new List<byte> { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8 };
        var ifdStart = 8;
        var entries = 2;
        var valuesOffset = ifdStart + 2 + (entries * 12) + 4;
        tiff.AddRange(U16(entries));
        tiff.AddRange([.. U16(0x0112), .. U16(3), .. U32(1), .. U16(orientation), 0, 0]);
        tiff.AddRange([.. U16(0xA431), .. U16(2), .. U32(serialBytes.Length), .. U32(valuesOffset)]);
        tiff.AddRange(U32(0));
        tiff.AddRange(serialBytes);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        return [0xFF, 0xE1, .. U16(payload.Length + 2), .. payload];
    }

    // Big-endian TIFF: IFD0 (Make, a pointer to the GPS IFD), then the GPS IFD (latitude reference and latitude).
    private static byte[] GpsTiff()
    {
        var make = System.Text.Encoding.ASCII.GetBytes(CameraSerial + "\0");
        const int ifd0 = 8;
        const int ifdSize = 2 + (2 * 12) + 4;
        var makeOffset = ifd0 + ifdSize;
        var gpsOffset = makeOffset + make.Length + (make.Length % 2);
        var latitudeOffset = gpsOffset + ifdSize;

        List<byte> tiff = [(byte)'M', (byte)'M', 0, 42, .. U32(ifd0)];
        tiff.AddRange(U16(2));
        tiff.AddRange([.. U16(0x010F), .. U16(2), .. U32(make.Length), .. U32(makeOffset)]);
        tiff.AddRange([.. U16(0x8825), .. U16(4), .. U32(1), .. U32(gpsOffset)]);
        tiff.AddRange(U32(0));
        tiff.AddRange(make);
        if (make.Length % 2 == 1)
        {
            tiff.Add(0);
        }

        tiff.AddRange(U16(2));
        tiff.AddRange([.. U16(0x0001), .. U16(2), .. U32(2), (byte)'N', 0, 0, 0]);
        tiff.AddRange([.. U16(0x0002), .. U16(5), .. U32(3), .. U32(latitudeOffset)]);
        tiff.AddRange(U32(0));
        tiff.AddRange([.. U32(52), .. U32(1), .. U32(31), .. U32(1), .. U32(1234), .. U32(100)]);
        return [.. tiff];
    }

    // CRC-32 (ISO 3309, reflected 0xEDB88320), as PNG chunks carry it.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] U32(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
