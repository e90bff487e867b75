using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Similarity;
using static SafetyReports.UnitTests.Triage.Similarity.SimilarityFixtures;

namespace SafetyReports.UnitTests.Triage.Similarity;

public class ReportClustersTests
{
    private static readonly SimilarityOptions Options = new() { Window = TimeSpan.FromHours(2), Threshold = 0.6, BurstSize = 4, BurstDistinctClients = 3 };

    private static ReportCluster ClusterOf(Report subject, params Report[] others) =>
        ReportClusters.Around(subject, ReportSignature.Of(subject), others.Select(Candidate), Options);

    [Fact]
    public void A_cluster_holds_similar_reports_about_the_same_model_within_the_window_oldest_first()
    {
        var subject = Report(Brigade, 60, "c1");
        var earlier = Report(Brigade, 0, "c2");
        var later = Report(Brigade + " Again.", 170, "c3");
        var tooEarly = Report(Brigade, -61, "c4");
        var otherModel = Report(Brigade, 61, "c5", model: "org/other");
        var otherHost = Report(Brigade, 62, "c6", host: "civitai");
        var unrelated = Report(Unrelated, 63, "c7");

        var cluster = ClusterOf(subject, later, earlier, tooEarly, otherModel, otherHost, unrelated);

        Assert.Equal([earlier.Id, subject.Id, later.Id], cluster.Members.Select(m => m.Id));
        Assert.Equal((earlier.ReceivedAt, later.ReceivedAt, 3), (cluster.FirstAt, cluster.LastAt, cluster.DistinctClients));
        Assert.False(cluster.IsSingle);
        Assert.False(cluster.Burst);
    }

    [Fact]
    public void A_report_without_near_duplicates_is_a_cluster_of_one()
    {
        var subject = Report(Brigade);
        var cluster = ClusterOf(subject, Report(Unrelated, 5), subject);
        Assert.True(cluster.IsSingle);
        Assert.Equal([subject.Id], cluster.Members.Select(m => m.Id));
    }

    [Theory]
    [InlineData(4, 3, true)]
    [InlineData(3, 3, false)]
    [InlineData(4, 2, false)]
    [InlineData(6, 3, true)]
    public void A_burst_needs_enough_reports_from_enough_clients(int reports, int clients, bool burst)
    {
        var members = Enumerable.Range(0, reports).Select(i => Report(Brigade, i, $"client-{i % clients}")).ToList();
        Assert.Equal(burst, ClusterOf(members[0], [.. members.Skip(1)]).Burst);
    }

    [Fact]
    public void Reports_without_a_client_hash_count_towards_the_size_but_not_as_clients()
    {
        var members = Enumerable.Range(0, 6).Select(i => Report(Brigade, i, i < 2 ? $"client-{i}" : null)).ToList();
        Assert.Equal(2, BurstRule.DistinctClients(members));
        Assert.False(BurstRule.IsBurst(members, Options));
    }

    [Fact]
    public void Similar_earlier_reports_span_every_model_and_time_most_recent_first()
    {
        var subject = Report(Brigade, 600);
        var old = Report(Brigade, -100_000, model: "org/other");
        var recent = Report(Brigade + " Again.", 500, host: "civitai");
        var after = Report(Brigade, 700);
        var unrelated = Report(Unrelated, 400);

        var earlier = ReportClusters.Earlier(subject, ReportSignature.Of(subject), new[] { old, after, recent, unrelated, subject }.Select(Candidate), Options, 10);

        Assert.Equal([recent.Id, old.Id], earlier.Select(e => e.Report.Id));
        Assert.All(earlier, e => Assert.InRange(e.Similarity, 0.6, 1.0));
        Assert.Single(ReportClusters.Earlier(subject, ReportSignature.Of(subject), new[] { old, recent }.Select(Candidate), Options, 1));
    }
}
