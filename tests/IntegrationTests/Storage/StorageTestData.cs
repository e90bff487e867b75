using System.Text.Json;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Times and comparisons shared by the store contract tests.</summary>
internal static class StorageTestData
{
    /// <summary>Both stores keep Unix milliseconds in UTC, so test times are whole milliseconds in UTC.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => Start.AddMilliseconds(Math.Round(seconds * 1000));

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records holding lists compare those by reference; their JSON compares every value.</summary>
    public static void SameJson<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
