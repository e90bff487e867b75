using MongoDB.Bson;
using MongoDB.Bson.Serialization.Serializers;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>The Triage records stored as they are (<see cref="MongoRecordMap"/>): the maintainers' choices and digest items, and those inside a report's document.</summary>
public static class MongoTriageRecords
{
    public static void Register()
    {
        MongoRecordMap.Register<MaintainerNotifications>(map =>
        {
            map.MapIdMember(p => p.Maintainer);
            map.GetMemberMap(p => p.Delivery).SetSerializer(new EnumSerializer<NotificationDelivery>(BsonType.String));
        });
        MongoRecordMap.Register<MaintainerDigestItem>(map =>
            map.GetMemberMap(p => p.Kind).SetSerializer(new EnumSerializer<MaintainerEventKind>(BsonType.String)));

        MongoRecordMap.RegisterEmbedded<ReporterMessage>();
        MongoRecordMap.RegisterEmbedded<ReportNote>();
        MongoRecordMap.RegisterEmbedded<ReportContest>();
        MongoRecordMap.RegisterEmbedded<HostThreadMessage>();
        MongoRecordMap.RegisterEmbedded<EvidenceFileReference>();
        MongoRecordMap.RegisterEmbedded<ReportHost>();
        MongoRecordMap.RegisterEmbedded<ModelReupload>();

        // The DSA fields are left out while null, as in statements from before them.
        MongoRecordMap.RegisterEmbedded<HostStatement>(map =>
        {
            map.GetMemberMap(s => s.DecisionGround).SetIgnoreIfNull(true);
            map.GetMemberMap(s => s.LegalGround).SetIgnoreIfNull(true);
            map.GetMemberMap(s => s.TermsReference).SetIgnoreIfNull(true);
            map.GetMemberMap(s => s.TerritorialScope).SetIgnoreIfNull(true);
            map.GetMemberMap(s => s.AutomatedDetection).SetIgnoreIfNull(true);
            map.GetMemberMap(s => s.AutomatedDecision).SetIgnoreIfNull(true);
            map.GetMemberMap(s => s.Redress).SetIgnoreIfNull(true);
        });
    }
}
