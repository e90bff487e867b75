using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

[MongoDocument]
public sealed class MongoHostDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ContactEmail { get; set; } = "";
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
