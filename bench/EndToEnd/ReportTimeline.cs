using System.Collections.Concurrent;
using System.Diagnostics;

namespace SafetyReports.Bench.EndToEnd;

/// <summary>When each report passed each point, on one monotonic clock (ticks of a shared stopwatch).</summary>
public sealed class ReportTimeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<Guid, Times> _reports = new();

    public long Now => _clock.ElapsedTicks;

    public Times For(Guid id) => _reports.GetOrAdd(id, _ => new Times());

    public IReadOnlyList<Times> Since(long startTicks) =>
        _reports.Values.Where(t => t.SubmitStarted >= startTicks && t.Accepted > 0).ToList();

    public static double Ms(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Each point is set once, by whichever side sees it first (the bus can beat the HTTP answer).</summary>
    public sealed class Times
    {
        private long _submitStarted, _accepted, _stored, _triageSent, _triaged, _webhook;

        public long SubmitStarted { get => Volatile.Read(ref _submitStarted); set => Interlocked.CompareExchange(ref _submitStarted, value, 0); }

        public long Accepted { get => Volatile.Read(ref _accepted); set => Interlocked.CompareExchange(ref _accepted, value, 0); }

        public long Stored { get => Volatile.Read(ref _stored); set => Interlocked.CompareExchange(ref _stored, value, 0); }

        public long TriageSent { get => Volatile.Read(ref _triageSent); set => Interlocked.CompareExchange(ref _triageSent, value, 0); }

        public long Triaged { get => Volatile.Read(ref _triaged); set => Interlocked.CompareExchange(ref _triaged, value, 0); }

        public long Webhook { get => Volatile.Read(ref _webhook); set => Interlocked.CompareExchange(ref _webhook, value, 0); }

        /// <summary>True for the one caller that claims the triage step (ReportStored can arrive more than once).</summary>
        public bool ClaimTriage(long now) => Interlocked.CompareExchange(ref _triageSent, now, 0) == 0;
    }
}
