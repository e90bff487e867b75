using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Portal.Auth;

/// <summary>
/// One portal session in MongoDB: the value is the ticket <see cref="PortalTicketStore"/> already encrypted.
/// MongoDB's TTL monitor removes it some time after <see cref="ExpiresAt"/>; reads check the time themselves.
/// </summary>
[MongoDocument]
public sealed class MongoSessionDocument
{
    [BsonId]
    public string Key { get; set; } = "";
    public byte[] Value { get; set; } = [];
    public DateTimeOffset ExpiresAt { get; set; }
    public long? SlidingMs { get; set; }
    public DateTimeOffset? AbsoluteAt { get; set; }

    public static MongoSessionDocument From(string key, byte[] value, SessionEntryExpiry expiry) => new()
    {
        Key = key,
        Value = value,
        ExpiresAt = expiry.ExpiresAt,
        SlidingMs = expiry.Sliding is { } sliding ? (long)sliding.TotalMilliseconds : null,
        AbsoluteAt = expiry.Absolute,
    };

    public SessionEntryExpiry Expiry =>
        new(ExpiresAt, SlidingMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, AbsoluteAt);
}
