using System.Text;
using SafetyReports.Intake.Evidence;
using SkiaSharp;

namespace SafetyReports.UnitTests.Intake.Evidence;

public class EvidenceFileSnifferTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    public void An_image_is_known_by_its_bytes(SKEncodedImageFormat format, string expected) =>
        Assert.Equal(expected, EvidenceFileSniffer.Detect(EvidenceImages.Encode(8, 8, format))?.Id);

    [Fact]
    public void Audio_is_known_by_its_container_header()
    {
        byte[] wav = [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0];
        byte[] ogg = [.. "OggS"u8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] id3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0];
        byte[] mpegFrame = [0xFF, 0xFB, 0x90, 0x64, 0x00];

        Assert.Equal(EvidenceFileType.Wav, EvidenceFileSniffer.Detect(wav));
        Assert.Equal(EvidenceFileType.Ogg, EvidenceFileSniffer.Detect(ogg));
        Assert.Equal(EvidenceFileType.Mp3, EvidenceFileSniffer.Detect(id3));
        Assert.Equal(EvidenceFileType.Mp3, EvidenceFileSniffer.Detect(mpegFrame));
    }

    [Theory]
    [InlineData("user: make it worse\nassistant: here is how…\n", "text")]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "json")]
    [InlineData("  [1, 2, 3]\n", "json")]
    [InlineData("{\"role\":\"user\"}\n{\"role\":\"assistant\"}\n", "jsonl")]
    [InlineData("{\"role\":\"user\"}\nnot json\n", "text")]
    [InlineData("\uFEFFWith a byte order mark and ümlauts, 中文, العربية", "text")]
    public void Text_is_told_from_json_and_json_lines_by_its_content(string content, string expected)
    {
        byte[] bytes = content.StartsWith('\uFEFF') ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(content[1..])] : Encoding.UTF8.GetBytes(content);

        Assert.Equal(expected, EvidenceFileSniffer.Detect(bytes)?.Id);
    }

    [Fact]
    public void Anything_else_is_unknown_whatever_it_is_called()
    {
        byte[] zip = [.. "PK"u8, 3, 4, 20, 0, 0, 0];
        byte[] pdf = [.. "%PDF-1.7\n"u8, 0, 1, 2, 0xFF];
        byte[] elf = [0x7F, .. "ELF"u8, 2, 1, 1, 0];
        byte[] notUtf8 = [0x61, 0x62, 0xC3, 0x28];
        byte[] riffAvi = [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI "u8];

        Assert.Null(EvidenceFileSniffer.Detect(zip));
        Assert.Null(EvidenceFileSniffer.Detect(pdf));
        Assert.Null(EvidenceFileSniffer.Detect(elf));
        Assert.Null(EvidenceFileSniffer.Detect(notUtf8));
        Assert.Null(EvidenceFileSniffer.Detect(riffAvi));
        Assert.Null(EvidenceFileSniffer.Detect([]));
    }
}
