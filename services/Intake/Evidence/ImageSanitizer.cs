using SkiaSharp;

namespace SafetyReports.Intake.Evidence;

/// <summary>
/// Makes an evidence image safe to store and show: the header's dimensions and frame count are checked before
/// any pixel is decoded (a decompression bomb is refused at its header), then the pixels are decoded, turned
/// upright as the EXIF orientation said, and encoded again in the same format, so no metadata survives.
/// </summary>
public sealed class ImageSanitizer(EvidenceFileLimits limits)
{
    private const int JpegQuality = 92;
    private const int WebPQuality = 92;

    public EvidenceFileCheck<SanitizedImage> Sanitize(byte[] original, EvidenceFileType type)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null || Format(type) is not { } format || codec.EncodedFormat != format)
        {
            return EvidenceFileCheck<SanitizedImage>.Refused("is not a readable image of the type its bytes announce");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > limits.MaxImagePixels)
        {
            return EvidenceFileCheck<SanitizedImage>.Refused(
                $"declares {info.Width} × {info.Height} pixels; at most {limits.MaxImagePixels:N0} are accepted");
        }

        if (Math.Max(codec.FrameCount, 1) > limits.MaxImageFrames)
        {
            return EvidenceFileCheck<SanitizedImage>.Refused(
                $"has {codec.FrameCount} frames; at most {limits.MaxImageFrames} accepted (attach a still image)");
        }

        using var decoded = new SKBitmap(info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return EvidenceFileCheck<SanitizedImage>.Refused("could not be decoded");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var encoded = upright.Encode(format, format == SKEncodedImageFormat.Webp ? WebPQuality : JpegQuality);
        if (encoded is null)
        {
            return EvidenceFileCheck<SanitizedImage>.Refused("could not be encoded again");
        }

        return EvidenceFileCheck<SanitizedImage>.Accepted(new SanitizedImage(encoded.ToArray(), upright.Width, upright.Height));
    }

    private static SKEncodedImageFormat? Format(EvidenceFileType type) =>
        type == EvidenceFileType.Png ? SKEncodedImageFormat.Png
        : type == EvidenceFileType.Jpeg ? SKEncodedImageFormat.Jpeg
        : type == EvidenceFileType.WebP ? SKEncodedImageFormat.Webp
        : null;

    /// <summary>The pixels as the camera meant them to be seen: the EXIF orientation goes away with the metadata.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swaps ? source.Height : source.Width;
        var height = swaps ? source.Width : source.Height;
        var target = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        canvas.SetMatrix(OriginMatrix(origin, source.Width, source.Height));
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }

    // The transform from the stored pixels to the upright picture, for each EXIF orientation (1–8).
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
