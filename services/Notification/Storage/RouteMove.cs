using MongoDB.Bson;
using MongoDB.Driver;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// A route document of before (its <c>_id</c> the report id) as a route keyed by report and host: the report id moves to
/// <c>reportId</c>, the key is <see cref="RouteIds.For"/>, and it is the route to the host the report names.
/// </summary>
public static class RouteMove
{
    public static BsonValue NewId(BsonDocument old) =>
        new BsonBinaryData(RouteIds.For(old["_id"].AsGuid, old["hostId"].AsString), GuidRepresentation.Standard);

    public static BsonDocument Moved(BsonDocument old)
    {
        var moved = new BsonDocument(old.Elements.Where(e => e.Name != "_id"))
        {
            ["reportId"] = old["_id"],
        };
        moved.Set("via", RouteVia.Report);
        return moved;
    }

    public static UpdateDefinition<BsonDocument> InsertIfAbsent(BsonDocument old) =>
        new BsonDocumentUpdateDefinition<BsonDocument>(new BsonDocument("$setOnInsert", Moved(old)));
}
