using System.Reflection;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// A Notification store whose route reads wait until <see cref="Readers"/> of them have arrived, then all go on
/// together: every consumer of the batch reads the route as it was before any of them saved. That is the
/// interleaving of events consumed concurrently, forced rather than hoped for. Everything else goes straight through.
/// </summary>
public class HeldRouteReads : DispatchProxy
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private INotificationStore _inner = null!;
    private int _readers;
    private int _arrived;

    public int Readers => _readers;

    public static INotificationStore Wrap(INotificationStore inner, int readers)
    {
        var store = Create<INotificationStore, HeldRouteReads>();
        var held = (HeldRouteReads)(object)store;
        held._inner = inner;
        held._readers = readers;
        return store;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == nameof(INotificationStore.GetRouteAsync))
        {
            return HeldAsync((Guid)args![0]!, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private async Task<ReportRoute?> HeldAsync(Guid reportId, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _arrived) >= _readers)
        {
            _allArrived.TrySetResult();
        }

        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return await _inner.GetRouteAsync(reportId, cancellationToken);
    }
}
