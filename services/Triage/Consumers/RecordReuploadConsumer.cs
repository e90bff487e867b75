using MassTransit;

namespace SafetyReports.Triage.Consumers;

/// <summary>
/// Records a re-upload of a reported model once per host and model, then alerts the maintainers ("re-upload of a model reported
/// on …"; <see cref="MaintainerEvent.Reupload"/>, whose key makes a repeat one mail).
/// </summary>
public sealed class RecordReuploadConsumer(TriageReports reports, MaintainerMails mails) : IConsumer<ModelReuploadDetected>
{
    public async Task Consume(ConsumeContext<ModelReuploadDetected> context)
    {
        var detected = context.Message;
        await reports.RecordReuploadAsync(detected, context.CancellationToken);
        await mails.NotifyAsync(MaintainerEvent.Reupload(detected.ReportId, detected.HostId, detected.ModelId, detected.At), context.CancellationToken);
    }
}
