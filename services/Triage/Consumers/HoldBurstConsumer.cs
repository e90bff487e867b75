using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>
/// Triage reads its own <see cref="ReportStored"/> back from the bus to check the stored report's cluster for a burst
/// (<see cref="TriageReports.HoldBurstAsync"/>). Off the storing path: each check is a band lookup reading up to
/// <see cref="Similarity.SimilarReports.MaxCluster"/> reports, and a brigade's near-identical reports checked 64 at once
/// fought over the same holds and starved Triage. The event is written with the report, so no check is lost; a check
/// interrupted half-way is redelivered and completes the hold.
/// </summary>
public sealed class HoldBurstConsumer(TriageReports reports) : IConsumer<ReportStored>
{
    public Task Consume(ConsumeContext<ReportStored> context) =>
        reports.HoldBurstAsync(context.Message.ReportId, context.CancellationToken);
}
