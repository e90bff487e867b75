using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>The Notification records stored as they are (<see cref="MongoRecordMap"/>): hosts, contests, thread messages, responses and the shared files' records.</summary>
public static class MongoNotificationRecords
{
    public static void Register()
    {
        MongoRecordMap.Register<ModelHost>();
        MongoRecordMap.Register<HostContest>();
        MongoRecordMap.Register<ThreadMessage>();
        MongoRecordMap.RegisterEmbedded<HostResponse>();
        MongoRecordMap.RegisterEmbedded<SharedEvidenceFile>();
    }
}
