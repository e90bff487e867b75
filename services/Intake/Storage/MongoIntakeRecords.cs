using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// The Intake records stored as they are (<see cref="MongoRecordMap"/>): idempotency records, and a receipt's public
/// notes, host response and contests inside its submission.
/// </summary>
public static class MongoIntakeRecords
{
    public static void Register()
    {
        MongoRecordMap.Register<IdempotencyRecord>(map => map.MapIdMember(r => r.KeyHash));
        MongoRecordMap.Register<PublicNote>();
        MongoRecordMap.Register<ReceiptHostResponse>();

        // Inside a submission a contest is an array item, not a document of its own: its Id is the element "id", not "_id".
        MongoRecordMap.Register<ReceiptContest>(map =>
        {
            map.SetIdMember(null);
            map.GetMemberMap(c => c.Id).SetElementName("id");
        });
    }
}
