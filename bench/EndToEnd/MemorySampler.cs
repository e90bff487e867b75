using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.Bench.EndToEnd;

/// <summary>Resident memory (VmRSS from /proc) of every service process, sampled on a fixed period.</summary>
public sealed class MemorySampler(IReadOnlyList<ServiceProcess> processes, TimeSpan period)
{
    private readonly List<MemorySample> _samples = [];

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public IReadOnlyDictionary<string, double> TakeNow() =>
        processes.ToDictionary(p => p.Name, p => ResidentMiB(p.ProcessId));

    public async Task RunAsync(string phase, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                var sample = new MemorySample(DateTimeOffset.UtcNow, phase, TakeNow());
                lock (_samples)
                {
                    _samples.Add(sample);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static double ResidentMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}

public sealed record MemorySample(DateTimeOffset At, string Phase, IReadOnlyDictionary<string, double> ResidentMiB);
