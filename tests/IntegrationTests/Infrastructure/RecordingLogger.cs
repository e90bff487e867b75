using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>A logger that keeps each entry's level and rendered message, for tests of what an operator is told.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
