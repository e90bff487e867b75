using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// An advisory on MongoDB, as SQLite keeps it (<see cref="SqliteAdvisories"/>): the whole advisory as JSON in <see cref="Doc"/>
/// beside what is looked up and indexed. Its id is the advisory's (<c>SR-2026-0001</c>).
/// </summary>
[MongoDocument]
public sealed class MongoAdvisoryDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public Guid ReportId { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset Modified { get; set; }
    public string Doc { get; set; } = "";

    public static MongoAdvisoryDocument From(Advisory advisory, int year, int number) => new()
    {
        Id = advisory.Id,
        ReportId = advisory.ReportId,
        Year = year,
        Number = number,
        Revision = advisory.Revision,
        Modified = advisory.Modified,
        Doc = SqliteAdvisories.Serialize(advisory),
    };

    public Advisory ToAdvisory() => SqliteAdvisories.Deserialize(Doc);
}
