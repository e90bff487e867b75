using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// Notification's store on MongoDB; behaves as <see cref="SqliteNotificationStore"/> does (the contract tests hold both to
/// it), a partial class per aggregate. Writes that touch several documents, or a state change and its event, use one
/// transaction (<see cref="MongoStore.InTransactionAsync{T}"/>).
/// </summary>
public sealed partial class MongoNotificationStore : MongoMailingStore, INotificationStore
{
    public const string HostsCollection = "hosts";
    public const string SubscriptionsCollection = "subscriptions";
    /// <summary>Routes keyed by report and host (<see cref="RouteIds"/>); <see cref="RoutesBeforeModelIdentityCollection"/>'s documents moved here.</summary>
    public const string RoutesCollection = "hostRoutes";

    /// <summary>Routes keyed by the report alone, before a report could reach several hosts; emptied into <see cref="RoutesCollection"/> and dropped.</summary>
    public const string RoutesBeforeModelIdentityCollection = "routes";
    public const string ModelManifestsCollection = "modelManifests";
    public const string ModelAliasesCollection = "modelAliases";
    public const string ReportDigestsCollection = "reportDigests";
    public const string DeliveriesCollection = "deliveries";
    public const string AttemptsCollection = "attempts";
    public const string NoticesCollection = "notices";
    public const string ContestsCollection = "contests";
    public const string MessagesCollection = "messages";
    public const string LogLeavesCollection = "logLeaves";

    private readonly IMongoCollection<ModelHost> _hosts;
    private readonly IMongoCollection<MongoSubscriptionDocument> _subscriptions;
    private readonly IMongoCollection<MongoRouteDocument> _routes;
    private readonly IMongoCollection<MongoDeliveryDocument> _deliveries;
    private readonly IMongoCollection<MongoAttemptDocument> _attempts;
    private readonly IMongoCollection<MongoNoticeDocument> _notices;
    private readonly IMongoCollection<HostContest> _contests;
    private readonly IMongoCollection<ThreadMessage> _messages;
    private readonly IMongoCollection<MongoLogLeafDocument> _logLeaves;
    private readonly IMongoCollection<MongoModelManifestDocument> _manifests;
    private readonly IMongoCollection<MongoModelAliasDocument> _aliases;
    private readonly IMongoCollection<MongoReportDigestsDocument> _reportDigests;

    static MongoNotificationStore() => MongoNotificationRecords.Register();

    public MongoNotificationStore(IMongoDatabase database)
        : base(database)
    {
        _hosts = database.GetCollection<ModelHost>(HostsCollection);
        _subscriptions = database.GetCollection<MongoSubscriptionDocument>(SubscriptionsCollection);
        _routes = database.GetCollection<MongoRouteDocument>(RoutesCollection);
        _deliveries = database.GetCollection<MongoDeliveryDocument>(DeliveriesCollection);
        _attempts = database.GetCollection<MongoAttemptDocument>(AttemptsCollection);
        _notices = database.GetCollection<MongoNoticeDocument>(NoticesCollection);
        _contests = database.GetCollection<HostContest>(ContestsCollection);
        _messages = database.GetCollection<ThreadMessage>(MessagesCollection);
        _logLeaves = database.GetCollection<MongoLogLeafDocument>(LogLeavesCollection);
        _manifests = database.GetCollection<MongoModelManifestDocument>(ModelManifestsCollection);
        _aliases = database.GetCollection<MongoModelAliasDocument>(ModelAliasesCollection);
        _reportDigests = database.GetCollection<MongoReportDigestsDocument>(ReportDigestsCollection);
    }

    protected override Task SetUpAsync(CancellationToken cancellationToken) => MongoNotificationIndexes.CreateAsync(Database, cancellationToken);
}
