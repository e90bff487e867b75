using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Declares a class as a stored MongoDB document and states its conventions once instead of on every property:
/// each element is named after its property in camelCase (an explicit <c>[BsonElement]</c> still wins), every Guid is
/// stored as a standard UUID (binary subtype 4) and every date as a BSON date. The representations are pinned per
/// member, so a document is stored the same whatever the process-wide serializers are (see
/// <see cref="MongoDatabaseFactory.RegisterSerializers"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MongoDocumentAttribute : Attribute, IBsonPostProcessingAttribute
{
    private static readonly GuidSerializer Guids = new(GuidRepresentation.Standard);
    private static readonly DateTimeOffsetSerializer Dates = new(BsonType.DateTime);

    public void PostProcess(BsonClassMap classMap)
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
