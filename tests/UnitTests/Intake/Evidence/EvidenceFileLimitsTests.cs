using Microsoft.Extensions.Options;
using SafetyReports.Intake;
using SafetyReports.Intake.Evidence;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.UnitTests.Intake.Evidence;

/// <summary>The evidence file limits from <c>SafetyReports:Intake:EvidenceFiles</c>: checked at start, and the request ceiling they set.</summary>
public class EvidenceFileLimitsTests
{
    private const long MiB = EvidenceFileLimits.MiB;

    private static IntakeOptions.EvidenceFileOptions Files(int maxFiles = 5, long maxFileBytes = 10 * MiB, long maxTotalBytes = 25 * MiB) =>
        new() { MaxFiles = maxFiles, MaxFileBytes = maxFileBytes, MaxTotalBytes = maxTotalBytes };

    [Fact]
    public void The_defaults_are_the_limits_the_issue_names_and_pass()
    {
        var defaults = new IntakeOptions.EvidenceFileOptions();
        Assert.Null(EvidenceFileLimits.Problem(defaults));
        Assert.Equal(EvidenceFileLimits.Default, EvidenceFileLimits.From(defaults));
        Assert.Equal((5, 10 * MiB, 25 * MiB), (EvidenceFileLimits.Default.MaxFiles, EvidenceFileLimits.Default.MaxFileBytes, EvidenceFileLimits.Default.MaxTotalBytes));
    }

    [Theory]
    [InlineData(0, 10, 25)]
    [InlineData(21, 10, 25)]
    [InlineData(5, 0, 25)]
    [InlineData(5, 16, 25)]
    [InlineData(5, 10, 9)]
    [InlineData(5, 10, 61)]
    public void Settings_out_of_range_stop_the_start_naming_the_section(int maxFiles, long fileMiB, long totalMiB)
    {
        var options = new IntakeOptions { EvidenceFiles = Files(maxFiles, fileMiB * MiB, totalMiB * MiB) };

        var result = new IntakeOptionsValidator(Options.Create(new StorageOptions())).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SafetyReports:Intake:EvidenceFiles: MaxFiles 1 to 20", result.FailureMessage);
    }

    [Fact]
    public void Settings_at_the_edges_pass_and_reach_the_rules()
    {
        Assert.Null(EvidenceFileLimits.Problem(Files(1, 1, 1)));
        Assert.Null(EvidenceFileLimits.Problem(Files(20, 15 * MiB, 60 * MiB)));
        Assert.Equal((2, 3L, 4L), EvidenceFileLimits.From(Files(2, 3, 4)) is var l ? (l.MaxFiles, l.MaxFileBytes, l.MaxTotalBytes) : default);
    }

    [Fact]
    public void The_request_ceiling_is_twice_the_total_and_a_mebibyte_never_below_the_servers_default()
    {
        Assert.Equal(30_000_000, EvidenceFileLimits.From(Files(maxTotalBytes: 10 * MiB)).RequestCeiling);
        Assert.Equal(51 * MiB, EvidenceFileLimits.Default.RequestCeiling);
        Assert.Equal(121 * MiB, EvidenceFileLimits.From(Files(maxFileBytes: 15 * MiB, maxTotalBytes: 60 * MiB)).RequestCeiling);
    }
}
