namespace SafetyReports.Notification.Domain;

/// <summary>
/// Spreads retries by up to ±<see cref="Fraction"/> of each delay, so that the deliveries a receiver's
/// outage failed together do not all come back in the same second when it recovers.
/// </summary>
/// <param name="nextUnit">A random number in [0, 1); injected so tests can pin it.</param>
public sealed class RetryJitter(double fraction, Func<double> nextUnit)
{
    public const double DefaultFraction = 0.1;

    public static RetryJitter None { get; } = new(0, () => 0.5);

    public double Fraction { get; } = fraction is >= 0 and < 1
        ? fraction
        : throw new ArgumentOutOfRangeException(nameof(fraction), "Jitter is a fraction of the delay in [0, 1).");

    public TimeSpan Apply(TimeSpan delay) =>
        Fraction == 0 || delay <= TimeSpan.Zero ? delay : delay * (1 + Fraction * (2 * nextUnit() - 1));
}
