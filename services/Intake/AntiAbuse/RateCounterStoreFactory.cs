using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.AntiAbuse;

/// <summary>The counters the limits use: this process's memory, or MongoDB shared by the replicas with memory behind it.</summary>
public static class RateCounterStoreFactory
{
    public static IRateCounterStore Create(RateCounterStoreKind kind, StorageOptions storage, IServiceProvider services) => kind switch
    {
        RateCounterStoreKind.InMemory => new InMemoryRateCounterStore(),
        RateCounterStoreKind.MongoDb => new FallbackRateCounterStore(
            new MongoRateCounterStore(
                MongoDatabaseFactory.Connect(storage, SubmissionStoreFactory.MongoDatabaseName),
                services.GetRequiredService<IDataProtectionProvider>()),
            new InMemoryRateCounterStore(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<FallbackRateCounterStore>>()),
        _ => throw new InvalidOperationException($"Unknown rate counter store '{kind}'."),
    };
}
