namespace SafetyReports.Intake;

/// <summary>Wakes the hand-over loop when a submission was just stored.</summary>
public sealed class HandoverSignal
{
    public WorkSignal Signal { get; } = new();

    public void Notify() => Signal.Notify();
}
