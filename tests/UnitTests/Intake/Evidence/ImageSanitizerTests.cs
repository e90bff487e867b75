using System.Text;
using SafetyReports.Intake.Evidence;
using SkiaSharp;

namespace SafetyReports.UnitTests.Intake.Evidence;

public class ImageSanitizerTests
{
    private readonly ImageSanitizer _sanitizer = new(EvidenceFileLimits.Default);

    [Fact]
    public void A_camera_serial_in_EXIF_does_not_survive()
    {
        var original = EvidenceImages.JpegWithExif(16, 8, orientation: 1, serial: "SERIAL-4242-XYZ");
        Assert.Contains("SERIAL-4242-XYZ", Encoding.Latin1.GetString(original));

        var result = _sanitizer.Sanitize(original, EvidenceFileType.Jpeg);

        Assert.True(result.IsAccepted, result.Problem);
        var stored = Encoding.Latin1.GetString(result.Value!.Bytes);
        Assert.DoesNotContain("SERIAL-4242-XYZ", stored);
        Assert.DoesNotContain("Exif", stored);
        Assert.Equal(EvidenceFileType.Jpeg, EvidenceFileSniffer.Detect(result.Value.Bytes));
    }

    [Fact]
    public void A_GPS_position_in_EXIF_does_not_survive()
    {
        var original = EvidenceImages.JpegWithGps(16, 8);
        using (var codec = SKCodec.Create(new MemoryStream(original)))
        {
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        }

        var result = _sanitizer.Sanitize(original, EvidenceFileType.Jpeg);

        Assert.True(result.IsAccepted, result.Problem);
        var stored = result.Value!.Bytes;
        Assert.DoesNotContain(EvidenceImages.CameraSerial, Encoding.Latin1.GetString(stored));
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored));
        Assert.Equal((16, 8), (result.Value.Width, result.Value.Height));
    }

    [Fact]
    public void A_text_chunk_in_a_PNG_does_not_survive_and_the_pixels_do()
    {
        var original = EvidenceImages.PngWithText(12, 6, "GPS", "51.5007N 0.1246W");

        var result = _sanitizer.Sanitize(original, EvidenceFileType.Png);

        Assert.True(result.IsAccepted, result.Problem);
        Assert.DoesNotContain("51.5007N", Encoding.Latin1.GetString(result.Value!.Bytes));
        using var decoded = SKBitmap.Decode(result.Value.Bytes);
        Assert.Equal((12, 6), (decoded.Width, decoded.Height));
        Assert.Equal(SKColors.Red, decoded.GetPixel(1, 1));
        Assert.Equal(SKColors.Blue, decoded.GetPixel(10, 4));
    }

    [Fact]
    public void An_image_the_EXIF_said_to_turn_is_stored_upright()
    {
        // Orientation 6: the stored pixels are to be turned 90° clockwise to be seen as taken.
        var original = EvidenceImages.JpegWithExif(16, 8, orientation: 6, serial: "x");

        var result = _sanitizer.Sanitize(original, EvidenceFileType.Jpeg);

        Assert.True(result.IsAccepted, result.Problem);
        Assert.Equal((8, 16), (result.Value!.Width, result.Value.Height));
        using var codec = SKCodec.Create(SKData.CreateCopy(result.Value.Bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal((8, 16), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void A_WebP_is_stored_as_a_WebP()
    {
        var result = _sanitizer.Sanitize(EvidenceImages.Encode(10, 10, SKEncodedImageFormat.Webp), EvidenceFileType.WebP);

        Assert.True(result.IsAccepted, result.Problem);
        Assert.Equal(EvidenceFileType.WebP, EvidenceFileSniffer.Detect(result.Value!.Bytes));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_at_its_header()
    {
        var bomb = EvidenceImages.PngDeclaring(100_000, 100_000);

        var result = _sanitizer.Sanitize(bomb, EvidenceFileType.Png);

        Assert.False(result.IsAccepted);
        Assert.Contains("100000 × 100000", result.Problem);
    }

    [Fact]
    public void An_image_whose_bytes_are_another_format_than_it_was_checked_as_is_refused()
    {
        var png = EvidenceImages.Encode(4, 4, SKEncodedImageFormat.Png);

        Assert.False(_sanitizer.Sanitize(png, EvidenceFileType.Jpeg).IsAccepted);
        Assert.False(_sanitizer.Sanitize([.. png[..20]], EvidenceFileType.Png).IsAccepted);
    }
}
