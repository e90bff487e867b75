using SafetyReports.Triage.Similarity;
using static SafetyReports.UnitTests.Triage.Similarity.SimilarityFixtures;

namespace SafetyReports.UnitTests.Triage.Similarity;

public class MinHashTests
{
    [Fact]
    public void Words_ignore_case_punctuation_and_runs_of_space()
    {
        Assert.Equal(["ignore", "all", "previous", "instructions", "42"], SimilarityText.Words("  Ignore   ALL previous—instructions!! (42)"));
        Assert.Empty(SimilarityText.Words(" … !? "));
    }

    [Fact]
    public void A_signature_is_the_same_for_the_same_words_whatever_their_spelling()
    {
        var a = MinHash.Signature(SimilarityText.Words(Brigade));
        var b = MinHash.Signature(SimilarityText.Words(Brigade.ToUpperInvariant().Replace(" ", "  \n", StringComparison.Ordinal)));
        Assert.Equal(MinHash.Length, a.Length);
        Assert.Equal(a, b);
        Assert.Equal(1.0, MinHash.Similarity(a, b));
    }

    [Fact]
    public void Near_duplicates_score_high_and_unrelated_texts_low()
    {
        var original = MinHash.Signature(SimilarityText.Words(Brigade));
        var reworded = MinHash.Signature(SimilarityText.Words(Brigade.Replace("simple", "plain", StringComparison.Ordinal) + " Please act."));
        var other = MinHash.Signature(SimilarityText.Words(Unrelated));

        Assert.InRange(MinHash.Similarity(original, reworded), 0.6, 1.0);
        Assert.InRange(MinHash.Similarity(original, other), 0.0, 0.1);
    }

    [Fact]
    public void A_text_without_words_has_no_signature_and_is_similar_to_nothing()
    {
        var none = MinHash.Signature([]);
        Assert.Empty(none);
        Assert.Equal(0, MinHash.Similarity(none, none));
        Assert.Empty(new ReportSignature(none).BandKeys());
    }

    [Fact]
    public void A_short_text_is_one_shingle()
    {
        Assert.Equal(MinHash.Signature(["spam", "spam"]), MinHash.Signature(SimilarityText.Words("SPAM spam")));
        Assert.NotEqual(MinHash.Signature(["spam"]), MinHash.Signature(["spam", "spam"]));
    }

    [Fact]
    public void Signatures_are_stable_across_releases()
    {
        // Stored signatures are compared with new ones: the hashes must never change (a change needs a migration).
        Assert.Equal(0xaf63dc4c8601ec8cUL, MinHash.Fnv1a("a"));
        Assert.Equal(0xe220a8397b1dcdafUL, MinHash.SplitMix64(0));
    }
}
