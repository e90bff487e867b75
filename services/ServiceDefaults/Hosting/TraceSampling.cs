using OpenTelemetry.Trace;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// Which traces are recorded. Every request and message still starts an activity (trace ids reach logs, problem details
/// and the messages that follow), but by default only one trace in ten is recorded with its tags and spans: recording
/// every hop of every report cost measurable CPU per message (docs/benchmarks.md). A trace is recorded or not as a
/// whole, across services, because the decision follows the parent's. The standard <c>OTEL_TRACES_SAMPLER</c> (and
/// <c>OTEL_TRACES_SAMPLER_ARG</c>) replaces this default, e.g. <c>parentbased_always_on</c> to record every trace.
/// </summary>
public static class TraceSampling
{
    public const string SamplerKey = "OTEL_TRACES_SAMPLER";

    public const double DefaultRatio = 0.1;

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[SamplerKey]);

    public static Sampler Default() => new ParentBasedSampler(new TraceIdRatioBasedSampler(DefaultRatio));
}
