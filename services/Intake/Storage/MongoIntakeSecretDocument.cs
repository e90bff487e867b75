using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>A lasting secret of Intake's (see <see cref="ISubmissionStore.GetOrAddSecretAsync"/>), encrypted with the replicas' key ring.</summary>
[MongoDocument]
public sealed class MongoIntakeSecretDocument
{
    [BsonId]
    public string Name { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
}
