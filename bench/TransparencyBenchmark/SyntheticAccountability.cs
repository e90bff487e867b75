using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.Bench.TransparencyBenchmark;

/// <summary>
/// Deterministic reports with the milestones the figures count: hosts and models with skewed sizes (a few
/// big hosts, many small ones), received over the year before <c>end</c>, triaged, notified, acknowledged and
/// answered after log-normally distributed delays, some never; statuses to match. Text is short: the figures never read it.
/// </summary>
public sealed class SyntheticAccountability(int count, int hosts, int models, DateTimeOffset end, int seed = 7)
{
    public string Host(int index) => $"host-{index:D3}";

    public IEnumerable<Report> Generate()
    {
        var random = new Random(seed);
        var start = end - TimeSpan.FromDays(365);
        var step = TimeSpan.FromDays(365).Ticks / count;
        var modelsPerHost = Math.Max(1, models / hosts);
        for (var i = 0; i < count; i++)
        {
            var receivedAt = AuditChain.Truncate(start + TimeSpan.FromTicks(step * i + random.NextInt64(0, step * 20)));
            var host = Zipf(random, hosts) - 1;
            // Every host has its own models; together they are about `models` distinct ones.
            var model = $"org{host}-{random.Next(modelsPerHost)}/model";
            var triaged = random.NextDouble() < 0.8 ? receivedAt + LogNormal(random, hours: 20) : (DateTimeOffset?)null;
            var notified = triaged is { } t && random.NextDouble() < 0.9 ? t + LogNormal(random, hours: 0.2) : (DateTimeOffset?)null;
            var acknowledged = notified is { } n && random.NextDouble() < 0.75 ? n + LogNormal(random, hours: 40) : (DateTimeOffset?)null;
            var responded = notified is { } n2 && random.NextDouble() < 0.6 ? n2 + LogNormal(random, hours: 120) : (DateTimeOffset?)null;
            var status = responded is not null ? (random.Next(3) == 0 ? ReportStatuses.Acknowledged : ReportStatuses.Resolved)
                : acknowledged is not null ? ReportStatuses.Acknowledged
                : notified is not null ? ReportStatuses.HostNotified
                : triaged is not null ? ReportStatuses.Triaged
                : random.Next(3) == 0 ? ReportStatuses.Rejected : ReportStatuses.Received;
            yield return new Report
            {
                Id = new Guid(random.NextInt64().ToString("x16") + random.NextInt64().ToString("x16")),
                Status = status,
                Version = 5,
                Model = new ModelReference(Host(host), model),
                Category = HazardTaxonomy.Categories[random.Next(HazardTaxonomy.Categories.Count)].Code,
                Severity = Severities.All[random.Next(Severities.All.Count)],
                Title = "Synthetic report",
                Description = "Synthetic",
                ReceivedAt = receivedAt,
                UpdatedAt = receivedAt,
                TriagedAt = Cut(triaged),
                HostNotifiedAt = Cut(notified),
                AcknowledgedAt = Cut(acknowledged),
                RespondedAt = Cut(responded),
                HostResponse = responded is { } r
                    ? new HostStatement(1, HostResponseActions.All[random.Next(HostResponseActions.All.Count)], "scope", null, "grounds", random.Next(5) == 0, null, r)
                    : null,
            };
        }
    }

    private static DateTimeOffset? Cut(DateTimeOffset? at) => at is { } value ? AuditChain.Truncate(value) : null;

    private static TimeSpan LogNormal(Random random, double hours)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return TimeSpan.FromHours(hours * Math.Exp(1.2 * normal));
    }

    /// <summary>1..n with probability ∝ 1/k^0.8: big hosts and a long tail.</summary>
    private static int Zipf(Random random, int n)
    {
        var weights = Weights(n);
        var target = random.NextDouble() * weights[^1];
        var index = Array.BinarySearch(weights, target);
        return (index < 0 ? ~index : index) + 1;
    }

    private static readonly Dictionary<int, double[]> Cumulative = [];

    private static double[] Weights(int n)
    {
        if (!Cumulative.TryGetValue(n, out var weights))
        {
            weights = new double[n];
            var sum = 0.0;
            for (var k = 1; k <= n; k++)
            {
                sum += 1 / Math.Pow(k, 0.8);
                weights[k - 1] = sum;
            }

            Cumulative[n] = weights;
        }

        return weights;
    }
}
