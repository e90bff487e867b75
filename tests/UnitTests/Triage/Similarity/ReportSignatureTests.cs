using SafetyReports.Triage.Similarity;
using static SafetyReports.UnitTests.Triage.Similarity.SimilarityFixtures;

namespace SafetyReports.UnitTests.Triage.Similarity;

public class ReportSignatureTests
{
    [Fact]
    public void A_signature_has_16_band_keys_each_naming_its_band()
    {
        var keys = ReportSignature.Of(Report(Brigade)).BandKeys();
        Assert.Equal(ReportSignature.Bands, keys.Count);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"{i:D2}-"), keys.Select(k => k[..3]));
        Assert.All(keys, k => Assert.Equal(19, k.Length));
    }

    [Fact]
    public void Near_duplicates_share_a_band_and_unrelated_reports_share_none()
    {
        var a = ReportSignature.Of(Report(Brigade)).BandKeys();
        var b = ReportSignature.Of(Report(Brigade + " It did so again today.")).BandKeys();
        var c = ReportSignature.Of(Report(Unrelated)).BandKeys();
        Assert.NotEmpty(a.Intersect(b));
        Assert.Empty(a.Intersect(c));
    }

    [Fact]
    public void The_stored_form_round_trips_and_anything_else_reads_as_no_signature()
    {
        var signature = ReportSignature.Of(Report(Brigade));
        var stored = signature.Serialize();
        Assert.Equal(MinHash.Length * 16, stored.Length);
        Assert.Equal(signature.Values, ReportSignature.Parse(stored).Values);
        Assert.Empty(ReportSignature.Parse(null).Values);
        Assert.Empty(ReportSignature.Parse("abc").Values);
        Assert.Equal("", new ReportSignature([]).Serialize());
    }

    [Fact]
    public void The_signature_covers_title_description_and_evidence_but_not_status_or_model()
    {
        var report = Report(Brigade);
        var moved = report with { Status = "triaged", Model = new("other", "x/y") };
        var evidence = report with { Evidence = [new("prompt", "an entirely different prompt with many more words in it")] };
        Assert.Equal(ReportSignature.Of(report).Values, ReportSignature.Of(moved).Values);
        Assert.NotEqual(ReportSignature.Of(report).Values, ReportSignature.Of(evidence).Values);
    }
}
