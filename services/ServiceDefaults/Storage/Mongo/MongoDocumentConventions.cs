using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// How every stored document is written: each element named after its property in camelCase (an explicit name
/// wins), every Guid a standard UUID (binary subtype 4) and every date a BSON date. The representations are pinned
/// per member, so a document is stored the same whatever the process-wide serializers are (see
/// <see cref="MongoDatabaseFactory.RegisterSerializers"/>).
/// </summary>
public static class MongoDocumentConventions
{
    private static readonly GuidSerializer Guids = new(GuidRepresentation.Standard);
    private static readonly DateTimeOffsetSerializer Dates = new(BsonType.DateTime);

    public static void Apply(BsonClassMap classMap)
    {
        foreach (var member in classMap.DeclaredMemberMaps)
        {
            if (member.ElementName == member.MemberName)
            {
                member.SetElementName(char.ToLowerInvariant(member.MemberName[0]) + member.MemberName[1..]);
            }

            if (Pinned(member.MemberType) is { } serializer)
            {
                member.SetSerializer(serializer);
            }
        }
    }

    private static IBsonSerializer? Pinned(Type type) =>
        type == typeof(Guid) ? Guids
        : type == typeof(Guid?) ? new NullableSerializer<Guid>(Guids)
        : type == typeof(DateTimeOffset) ? Dates
        : type == typeof(DateTimeOffset?) ? new NullableSerializer<DateTimeOffset>(Dates)
        : null;
}
