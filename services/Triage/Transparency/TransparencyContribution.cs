namespace SafetyReports.Triage.Transparency;

/// <summary>
/// What one report adds to the counters of its host and model in the month it was received. The stores keep
/// each report's last contribution and, on every change of the report, take the old one away and add the new
/// one in the same transaction, so the counters are always the sum over the reports as they are now.
/// </summary>
public sealed record TransparencyContribution(string Host, string Model, int Month, IReadOnlyList<int> Keys)
{
    public static TransparencyContribution For(TransparencyFacts facts, TimeSpan acknowledgementSla)
    {
        var month = TransparencyMonth.Of(facts.ReceivedAt);
        if (facts.Held)
        {
            // A held report is in no figure, only in the count of held reports.
            return new TransparencyContribution(facts.Host, facts.Model, month, [new CounterKey(CounterKind.Held, 0).Encode()]);
        }

        var keys = new List<CounterKey>
        {
            new(CounterKind.Reports, 0),
            CounterKey.Status(facts.Status),
            CounterKey.Category(facts.Category),
        };
        if (facts.Action is { } action)
        {
            keys.Add(CounterKey.Action(action));
            if (facts.Automated)
            {
                keys.Add(new CounterKey(CounterKind.AutomatedResponse, 0));
            }

            if (facts.Contested)
            {
                keys.Add(new CounterKey(CounterKind.Contested, 0));
            }
        }

        if (facts.TriagedAt is not null)
        {
            keys.Add(new CounterKey(CounterKind.Triaged, 0));
        }

        foreach (var metric in TransparencyMetrics.All)
        {
            if (metric.Duration(facts) is { } duration)
            {
                keys.Add(CounterKey.Duration(metric, duration));
            }
        }

        if (facts.NotifiedAt is { } notified)
        {
            keys.Add(new CounterKey(CounterKind.Notified, 0));
            if (facts.AcknowledgedAt is { } acknowledged)
            {
                keys.Add(new CounterKey(acknowledged - notified <= acknowledgementSla ? CounterKind.AcknowledgedWithinSla : CounterKind.AcknowledgedLate, 0));
            }
            else
            {
                var due = notified + acknowledgementSla - TransparencyMonth.Start(month);
                keys.Add(new CounterKey(CounterKind.AcknowledgementDue, (int)Math.Ceiling(Math.Max(0, due.TotalHours))));
            }
        }

        if (!ContactRetention.ClosedStatuses.Contains(facts.Status))
        {
            keys.Add(new CounterKey(CounterKind.OpenReceivedOnDay, facts.ReceivedAt.UtcDateTime.Day));
        }

        return new TransparencyContribution(facts.Host, facts.Model, month,
            keys.Where(k => k.Index >= 0).Select(k => k.Encode()).Order().ToList());
    }

    public static TransparencyContribution For(Report report, TimeSpan acknowledgementSla) =>
        For(TransparencyFacts.From(report), acknowledgementSla);

    public bool SameAs(TransparencyContribution? other) =>
        other is not null && Host == other.Host && Model == other.Model && Month == other.Month && Keys.SequenceEqual(other.Keys);

    /// <summary>The JSON form the SQLite store keeps beside the report.</summary>
    public string Serialize() => System.Text.Json.JsonSerializer.Serialize(this);

    public static TransparencyContribution Deserialize(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<TransparencyContribution>(json)
        ?? throw new FormatException("An empty transparency contribution.");
}
