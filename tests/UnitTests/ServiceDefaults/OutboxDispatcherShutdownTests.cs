using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>
/// With the in-memory bus (Standalone), a publish to a bus that has stopped is accepted and goes nowhere: an outbox
/// row removed after it would be an event lost. The dispatcher stops before the bus, and never removes a row the
/// bus could not have delivered.
/// </summary>
public class OutboxDispatcherShutdownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An outbox in memory; its first read runs <see cref="DuringFirstRead"/>.</summary>
    public sealed class HeldOutbox : IOutboxStore
    {
        public ConcurrentDictionary<Guid, OutboxMessage> Rows { get; } = new();

        public ConcurrentBag<Guid> Removed { get; } = [];

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Func<CancellationToken, Task> DuringFirstRead { get; set; } = _ => Task.CompletedTask;

        /// <summary>Set at the second read: the first batch has been handled by then.</summary>
        public TaskCompletionSource ReadAgain { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _reads;

        public WorkSignal OutboxSignal { get; } = new();

        public async Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _reads) > 1)
            {
                ReadAgain.TrySetResult();
            }
            else
            {
                Reading.TrySetResult();
                await DuringFirstRead(cancellationToken);
            }

            return Rows.Values.OrderBy(r => r.CreatedAt).Take(max).ToList();
        }

        public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        {
            foreach (var id in ids)
            {
                Rows.TryRemove(id, out _);
                Removed.Add(id);
            }

            return Task.CompletedTask;
        }

        public Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());

        public void Add(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var row = OutboxMessage.For(new ReporterContactErased(Guid.NewGuid(), DateTimeOffset.UnixEpoch), DateTimeOffset.UnixEpoch.AddSeconds(i));
                Rows[row.Id] = row;
            }
        }
    }

    public sealed class Delivered
    {
        public ConcurrentBag<Guid> MessageIds { get; } = [];
    }

    public sealed class RecordingConsumer(Delivered delivered) : IConsumer<ReporterContactErased>
    {
        public Task Consume(ConsumeContext<ReporterContactErased> context)
        {
            delivered.MessageIds.Add(context.MessageId!.Value);
            return Task.CompletedTask;
        }
    }

    /// <summary>Notes whether the dispatcher was still running when the bus began to stop.</summary>
    private sealed class DispatcherAtBusStop(Func<BackgroundService> dispatcher) : IBusObserver
    {
        public bool? DispatcherRunning { get; private set; }

        public void PostCreate(IBus bus)
        {
        }

        public void CreateFaulted(Exception exception)
        {
        }

        public Task PreStart(IBus bus) => Task.CompletedTask;

        public Task PostStart(IBus bus, Task<BusReady> busReady) => Task.CompletedTask;

        public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

        public Task PreStop(IBus bus)
        {
            DispatcherRunning = dispatcher().ExecuteTask is { IsCompleted: false };
            return Task.CompletedTask;
        }

        public Task PostStop(IBus bus) => Task.CompletedTask;

        public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
    }

    /// <summary>A Standalone-shaped host: the module's dispatcher registered before the in-memory bus, as the modules are.</summary>
    private static IHost HostWith(HeldOutbox outbox, Delivered delivered, IBusObserver? observer = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(outbox);
        builder.Services.AddSingleton(delivered);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOutboxDispatcher<HeldOutbox>();
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<RecordingConsumer>();
            x.UsingInMemory((context, cfg) =>
            {
                if (observer is not null)
                {
                    cfg.ConnectBusObserver(observer);
                }

                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    [Fact]
    public async Task The_dispatcher_stops_before_the_bus_and_a_batch_in_flight_is_kept()
    {
        var outbox = new HeldOutbox();
        var delivered = new Delivered();
        outbox.Add(5);
        // The batch is being read when the process stops; the read ends when the dispatcher is told to stop.
        outbox.DuringFirstRead = cancellationToken => Task.Delay(Timeout.Infinite, cancellationToken);
        IHost? built = null;
        var observer = new DispatcherAtBusStop(() => built!.Services.GetServices<IHostedService>().OfType<OutboxDispatcher<HeldOutbox>>().Single());
        using var host = built = HostWith(outbox, delivered, observer);
        await host.StartAsync(Ct);
        await outbox.Reading.Task.WaitAsync(Ct);

        await host.StopAsync(Ct);

        Assert.False(observer.DispatcherRunning);
        Assert.Empty(outbox.Removed);
        Assert.Equal(5, outbox.Rows.Count);
    }

    [Fact]
    public async Task Rows_published_while_the_bus_stops_are_kept()
    {
        var outbox = new HeldOutbox();
        var delivered = new Delivered();
        outbox.Add(3);
        using var host = HostWith(outbox, delivered);
        var bus = host.Services.GetRequiredService<IBusControl>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        // The bus stops while the batch is read: once the process has started (the bus with it).
        outbox.DuringFirstRead = async cancellationToken =>
        {
            await started.Task.WaitAsync(cancellationToken);
            await bus.StopAsync(cancellationToken);
        };
        await host.StartAsync(Ct);

        // The second read comes after the first batch was handled.
        await outbox.ReadAgain.Task.WaitAsync(Ct);
        await host.StopAsync(Ct);

        Assert.Empty(outbox.Removed);
        Assert.Equal(3, outbox.Rows.Count);
    }
}
