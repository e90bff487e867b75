using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

public sealed class MongoHostDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("contactEmail")]
    public string ContactEmail { get; set; } = "";

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; set; }

    public static MongoHostDocument From(ModelHost host) => new()
    {
        Id = host.Id,
        Name = host.Name,
        ContactEmail = host.ContactEmail,
        CreatedAt = host.CreatedAt,
    };

    public ModelHost ToHost() => new(Id, Name, ContactEmail, CreatedAt);
}
