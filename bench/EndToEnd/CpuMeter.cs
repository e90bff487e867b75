using System.Diagnostics;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.Bench.EndToEnd;

/// <summary>
/// CPU time (user + system, from /proc/&lt;pid&gt;/stat) the service processes and the RabbitMQ broker used between
/// two readings: what a report costs the whole system, not one process.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<ServiceProcess> processes)
{
    // /proc reports CPU times in USER_HZ, which Linux fixes at 100 per second for user space on every architecture.
    private const double TicksPerSecond = 100;
    private readonly int? _broker = BrokerProcess();

    public CpuReading Read() => new(
        processes.ToDictionary(p => p.Name, p => Seconds(p.ProcessId)),
        _broker is { } broker ? Seconds(broker) : double.NaN);

    private static double Seconds(int pid)
    {
        try
        {
            // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int? BrokerProcess() =>
        Process.GetProcessesByName("beam.smp").Select(p => (int?)p.Id).FirstOrDefault();
}

/// <summary>Seconds of CPU used so far by each service process, and by the broker (NaN when it is not on this machine).</summary>
public sealed record CpuReading(IReadOnlyDictionary<string, double> ProcessSeconds, double BrokerSeconds)
{
    public double ServiceSeconds => ProcessSeconds.Values.Sum();

    public static CpuReading operator -(CpuReading after, CpuReading before) =>
        new(after.ProcessSeconds.ToDictionary(p => p.Key, p => p.Value - before.ProcessSeconds.GetValueOrDefault(p.Key)),
            after.BrokerSeconds - before.BrokerSeconds);
}
