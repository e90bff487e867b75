namespace SafetyReports.Triage.Transparency;

/// <summary>
/// The four response times: triage from receipt, notification from triage (the first webhook delivered),
/// acknowledgement and response from that notification (a host cannot answer what it has not been told).
/// </summary>
public enum TransparencyMetric
{
    TimeToTriage = 0,
    TimeToNotify = 1,
    TimeToAcknowledge = 2,
    TimeToRespond = 3,
}

public static class TransparencyMetrics
{
    public static readonly IReadOnlyList<TransparencyMetric> All =
        [TransparencyMetric.TimeToTriage, TransparencyMetric.TimeToNotify, TransparencyMetric.TimeToAcknowledge, TransparencyMetric.TimeToRespond];

    public static TimeSpan? Duration(this TransparencyMetric metric, TransparencyFacts facts) => metric switch
    {
        TransparencyMetric.TimeToTriage => Between(facts.ReceivedAt, facts.TriagedAt),
        TransparencyMetric.TimeToNotify => Between(facts.TriagedAt, facts.NotifiedAt),
        TransparencyMetric.TimeToAcknowledge => Between(facts.NotifiedAt, facts.AcknowledgedAt),
        TransparencyMetric.TimeToRespond => Between(facts.NotifiedAt, facts.RespondedAt),
        _ => null,
    };

    public static string Name(this TransparencyMetric metric) => metric switch
    {
        TransparencyMetric.TimeToTriage => "timeToTriage",
        TransparencyMetric.TimeToNotify => "timeToNotify",
        TransparencyMetric.TimeToAcknowledge => "timeToAcknowledge",
        _ => "timeToRespond",
    };

    private static TimeSpan? Between(DateTimeOffset? from, DateTimeOffset? to) => from is { } start && to is { } end ? end - start : null;
}
