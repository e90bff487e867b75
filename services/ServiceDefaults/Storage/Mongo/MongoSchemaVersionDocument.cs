using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>A store's recorded schema version in its database (<see cref="MongoMigrations.CollectionName"/>), one document per store.</summary>
public sealed class MongoSchemaVersionDocument
{
    /// <summary>The store's name: several stores may share one database.</summary>
    [BsonId]
    public string Store { get; set; } = "";

    [BsonElement("version")]
    public int Version { get; set; }

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("appliedAt")]
    public DateTime AppliedAt { get; set; }
}
