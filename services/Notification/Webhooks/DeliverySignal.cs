namespace SafetyReports.Notification.Webhooks;

/// <summary>Wakes the dispatcher when deliveries were planned or replayed in this process.</summary>
public sealed class DeliverySignal
{
    public WorkSignal Signal { get; } = new();

    public void Notify() => Signal.Notify();
}
