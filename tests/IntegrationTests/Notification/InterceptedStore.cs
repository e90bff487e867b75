using System.Reflection;
using SafetyReports.Notification.Storage;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// A Notification store in front of a real one, for forcing and observing interleavings: <c>before</c> is awaited before
/// each call goes through (a test holds a consumer or a dispatcher there), and <c>after</c> sees each call's result once
/// it has one. Calls that return no task go straight through.
/// </summary>
public class InterceptedStore : DispatchProxy
{
    private static readonly MethodInfo AfterResult = typeof(InterceptedStore).GetMethod(nameof(ResultAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private INotificationStore _inner = null!;
    private Func<string, Task> _before = null!;
    private Action<string, object?[], object?> _after = null!;

    public static INotificationStore Wrap(
        INotificationStore inner, Func<string, Task>? before = null, Action<string, object?[], object?>? after = null)
    {
        var store = Create<INotificationStore, InterceptedStore>();
        var intercepted = (InterceptedStore)(object)store;
        intercepted._inner = inner;
        intercepted._before = before ?? (_ => Task.CompletedTask);
        intercepted._after = after ?? ((_, _, _) => { });
        return store;
    }

    /// <summary>Holds each call of <paramref name="method"/> until <paramref name="callers"/> of them have arrived, then lets them all go.</summary>
    public static Func<string, Task> HoldUntilTogether(string method, int callers)
    {
        var arrived = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return name =>
        {
            if (name != method)
            {
                return Task.CompletedTask;
            }

            if (Interlocked.Increment(ref arrived) >= callers)
            {
                all.TrySetResult();
            }

            return all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        var arguments = args ?? [];
        var returns = method.ReturnType;
        if (returns == typeof(Task))
        {
            return CallAsync(method, arguments);
        }

        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return AfterResult.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(this, [method, arguments]);
        }

        return Direct(method, arguments);
    }

    private async Task CallAsync(MethodInfo method, object?[] args)
    {
        await _before(method.Name);
        await (Task)Direct(method, args)!;
        _after(method.Name, args, null);
    }

    private async Task<T> ResultAsync<T>(MethodInfo method, object?[] args)
    {
        await _before(method.Name);
        var result = await (Task<T>)Direct(method, args)!;
        _after(method.Name, args, result);
        return result;
    }

    private object? Direct(MethodInfo method, object?[] args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
