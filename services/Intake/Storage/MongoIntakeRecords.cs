using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The Intake records stored as they are (<see cref="MongoRecordMap"/>): idempotency records, and a receipt's public
/// notes, host response, contests and evidence file records inside its submission.
/// </summary>
public static class MongoIntakeRecords
{
    public static void Register()
    {
        MongoRecordMap.Register<IdempotencyRecord>(map => map.MapIdMember(r => r.KeyHash));
        MongoRecordMap.RegisterEmbedded<PublicNote>();
        MongoRecordMap.RegisterEmbedded<ReceiptHostResponse>();
        MongoRecordMap.RegisterEmbedded<ReceiptContest>();
        MongoRecordMap.RegisterEmbedded<EvidenceFileRecord>();
    }
}
