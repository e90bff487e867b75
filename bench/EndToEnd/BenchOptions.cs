using System.Globalization;

namespace SafetyReports.Bench.EndToEnd;

public sealed record BenchOptions(IReadOnlyList<double> Rates, int Seconds, int SoakMinutes, double SoakRate, int WarmupSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var rates = new List<double> { 50, 200, 500 };
        int seconds = 20, soakMinutes = 0, warmupSeconds = 5;
        double soakRate = 100;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--rates":
                    rates = value.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--seconds":
                    seconds = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--soak-minutes":
                    soakMinutes = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--warmup-seconds":
                    warmupSeconds = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--soak-rate":
                    soakRate = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; known: --rates, --seconds, --warmup-seconds, --soak-minutes, --soak-rate.");
            }
        }

        return new BenchOptions(rates, seconds, soakMinutes, soakRate, warmupSeconds);
    }
}
