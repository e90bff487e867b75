using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>A store's recorded schema version in its database (<see cref="MongoMigrations.CollectionName"/>), one document per store.</summary>
[MongoDocument]
public sealed class MongoSchemaVersionDocument
{
    /// <summary>The store's name: several stores may share one database.</summary>
    [BsonId]
    public string Store { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public DateTime AppliedAt { get; set; }
}
