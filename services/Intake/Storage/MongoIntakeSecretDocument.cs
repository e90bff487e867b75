using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>A lasting secret of Intake's (see <see cref="ISubmissionStore.GetOrAddSecretAsync"/>), encrypted with the replicas' key ring.</summary>
public sealed class MongoIntakeSecretDocument
{
    [BsonId]
    public string Name { get; set; } = "";

    [BsonElement("protectedSecret")]
    public string ProtectedSecret { get; set; } = "";
}
