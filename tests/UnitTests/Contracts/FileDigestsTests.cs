using SafetyReports.Contracts;

namespace SafetyReports.UnitTests.Contracts;

public class FileDigestsTests
{
    internal static string Digest(char hex) => "sha256:" + new string(hex, 64);

    [Fact]
    public void A_digest_is_read_case_insensitively_and_kept_lower_case_with_repeats_folded_in_the_order_given()
    {
        var check = FileDigests.Check([" SHA256:" + new string('A', 64) + " ", Digest('b'), Digest('a')], "fileDigests");

        Assert.True(check.IsValid);
        Assert.Equal([Digest('a'), Digest('b')], check.Digests);
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("md5:0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("")]
    public void Anything_but_sha256_and_64_hex_digits_is_refused_naming_the_entry(string value)
    {
        var check = FileDigests.Check([Digest('a'), value], "model.fileDigests");

        Assert.False(check.IsValid);
        Assert.Empty(check.Digests);
        Assert.Equal([FileDigests.FormatProblem], check.Errors["model.fileDigests[1]"]);
    }

    [Fact]
    public void More_than_the_limit_is_refused_as_a_whole_even_when_repeats_would_fold()
    {
        var check = FileDigests.Check(Enumerable.Repeat<string?>(Digest('a'), FileDigests.MaxPerModel + 1).ToList(), "fileDigests");

        Assert.Equal([FileDigests.CountProblem], check.Errors["fileDigests"]);
        Assert.True(FileDigests.Check(Enumerable.Repeat<string?>(Digest('a'), FileDigests.MaxPerModel).ToList(), "fileDigests").IsValid);
    }

    [Fact]
    public void A_null_entry_is_refused_and_no_list_is_no_digests()
    {
        Assert.Contains("d[0]", FileDigests.Check([null], "d").Errors.Keys);
        Assert.True(FileDigests.Check(null, "d").IsValid);
    }

    [Fact]
    public void A_form_field_gives_one_digest_a_line_without_blank_lines()
    {
        Assert.Equal([Digest('a'), Digest('b')], FileDigests.Lines($"{Digest('a')}\r\n\n  {Digest('b')}  \n"));
    }

    [Fact]
    public void Model_references_with_the_same_digests_are_equal_and_a_message_without_them_reads_as_none()
    {
        Assert.Equal(new ModelReference("hub", "m", FileDigests: [Digest('a')]), new ModelReference("hub", "m", FileDigests: [Digest('a')]));
        Assert.NotEqual(new ModelReference("hub", "m", FileDigests: [Digest('a')]), new ModelReference("hub", "m"));

        var old = System.Text.Json.JsonSerializer.Deserialize<ModelReference>("""{"host":"hub","id":"m"}""", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Empty(old.Digests());
    }
}
