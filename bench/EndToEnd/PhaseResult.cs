namespace SafetyReports.Bench.EndToEnd;

/// <summary>
/// What one fixed-rate phase measured, in milliseconds unless named otherwise. CPU per report: the CPU time the
/// services (and, apart, the broker) used from the phase's first submission until its last webhook, per report delivered.
/// </summary>
public sealed record PhaseResult(
    string Name, double Rate, int Sent, int Accepted, int Delivered, int Failures,
    Stats EndToEnd, Stats Submit, Stats ToStored, Stats Notify,
    CpuReading Cpu, IReadOnlyDictionary<string, double> PeakResidentMiB)
{
    public static string Header =>
        "phase        rate  sent  accepted  delivered  failed |  e2e p50    p95    p99    max | 202 p50   p99 | stored p50   p99 | notify p50   p99 | cpu per report | peak RSS MiB";

    public override string ToString() =>
        $"{Name,-10} {Rate,6:F0} {Sent,5} {Accepted,9} {Delivered,10} {Failures,7} | {EndToEnd.P50,8:F1} {EndToEnd.P95,6:F1} {EndToEnd.P99,6:F1} {EndToEnd.Max,6:F0} |" +
        $" {Submit.P50,7:F1} {Submit.P99,5:F1} | {ToStored.P50,10:F1} {ToStored.P99,5:F1} | {Notify.P50,10:F1} {Notify.P99,5:F1} | " +
        $"cpu {PerReport(Cpu.ServiceSeconds):F2} ms/report, broker {PerReport(Cpu.BrokerSeconds):F2} ms/report | " +
        string.Join(" ", PeakResidentMiB.Select(p => $"{p.Key} {p.Value:F0}"));

    /// <summary>CPU per delivered report of each service process, in ms.</summary>
    public string CpuByProcess() =>
        string.Join(", ", Cpu.ProcessSeconds.Select(p => $"{p.Key} {PerReport(p.Value):F2}")) + $", RabbitMQ {PerReport(Cpu.BrokerSeconds):F2}";

    private double PerReport(double seconds) => Delivered == 0 ? double.NaN : seconds * 1000 / Delivered;
}

public sealed record Stats(double P50, double P95, double P99, double Max)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => v >= 0).OrderBy(v => v).ToList();
        return new Stats(Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), Percentiles.Of(sorted, 99), sorted.Count == 0 ? double.NaN : sorted[^1]);
    }
}
