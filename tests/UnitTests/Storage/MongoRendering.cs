using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace SafetyReports.UnitTests.Storage;

/// <summary>Renders driver definitions to the BSON the server would receive, without a server.</summary>
internal static class MongoRendering
{
    public static BsonDocument Render<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Render<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonValue Render<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Keys<T>(CreateIndexModel<T> index) => index.Keys.Render(Args<T>());

    /// <summary>Serialises <paramref name="document"/> and reads it back through the same class map.</summary>
    public static (BsonDocument Bson, T Back) RoundTrip<T>(T document)
    {
        var bson = document.ToBsonDocument();
        // Through raw bytes, as a document travels to and from the server.
        var back = BsonSerializer.Deserialize<T>(bson.ToBson());
        return (bson, back);
    }

    public static BsonBinaryData Uuid(Guid id) => new(id, GuidRepresentation.Standard);

    public static BsonDateTime Date(DateTimeOffset at) => new(at.ToUnixTimeMilliseconds());

    /// <summary>A Guid stored the portable way: binary subtype 4 with the bytes in RFC 4122 order.</summary>
    public static void AssertUuid(Guid expected, BsonValue value)
    {
        var binary = Assert.IsType<BsonBinaryData>(value);
        Assert.Equal(BsonBinarySubType.UuidStandard, binary.SubType);
        Assert.Equal(expected.ToByteArray(bigEndian: true), binary.Bytes);
    }

    public static void AssertDate(DateTimeOffset expected, BsonValue value)
    {
        var date = Assert.IsType<BsonDateTime>(value);
        Assert.Equal(expected.ToUnixTimeMilliseconds(), date.MillisecondsSinceEpoch);
    }

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
}
