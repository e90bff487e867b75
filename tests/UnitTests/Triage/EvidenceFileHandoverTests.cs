using System.Security.Cryptography;
using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Evidence;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Triage;

public sealed class EvidenceFileHandoverTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static EvidenceFileReference Reference(byte[] bytes) =>
        new(Guid.NewGuid(), "chat.jsonl", "application/jsonl", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), "original");

    [Fact]
    public void A_pulled_file_is_kept_only_when_its_size_and_SHA_256_are_those_recorded()
    {
        var bytes = "{\"a\":1}\n"u8.ToArray();
        var reference = Reference(bytes);

        Assert.Null(EvidenceFileVerification.Mismatch(reference, bytes));
        Assert.Null(EvidenceFileVerification.Mismatch(reference with { Sha256 = reference.Sha256.ToUpperInvariant() }, bytes));
        Assert.Equal("9 bytes where 8 were recorded", EvidenceFileVerification.Mismatch(reference, [.. bytes, 0]));
        var flipped = (byte[])bytes.Clone();
        flipped[0] ^= 1;
        Assert.Equal("a SHA-256 other than the one recorded", EvidenceFileVerification.Mismatch(reference, flipped));
    }

    [Fact]
    public void A_report_takes_the_files_records_from_the_hand_over_and_keeps_them_through_its_MongoDB_document()
    {
        var reference = Reference("log"u8.ToArray());
        var submitted = new ReportSubmitted(Guid.NewGuid(), At, new ModelReference("hub", "org/model"), "hate", null, "T", "D", [], null, false,
            Files: [reference]);

        var report = Report.FromSubmission(submitted, At);
        var (bson, back) = RoundTrip(MongoReportDocument.From(report));

        Assert.Equal([reference], report.EvidenceFiles);
        Assert.Equal(reference.Sha256, bson["evidenceFiles"][0]["sha256"].AsString);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(back.ToReport()));
        // A hand-over from before files (no list) gives a report without any.
        Assert.Empty(Report.FromSubmission(submitted with { Files = null }, At).EvidenceFiles);
    }
}
