using System.Collections;
using System.Reflection;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.UnitTests.Storage;

/// <summary>
/// What every MongoDB document class stores, element by element: the name, the BSON type a value takes and the
/// representation each Guid and date is pinned to. The expected shapes are a file written from the release that
/// named every element by hand, so a change to how documents are declared cannot rename or retype a stored field.
/// Set <c>RECORD_MONGO_SHAPES=1</c> to rewrite the file after an intended change of shape (and add a migration step).
/// </summary>
public sealed class MongoDocumentShapeTests
{
    private static readonly string ExpectedPath = Path.Combine(SourceDirectory(), "mongo-document-shapes.txt");

    [Fact]
    public void Every_document_class_stores_the_shape_it_stored_before()
    {
        var actual = DescribeAll();
        if (Environment.GetEnvironmentVariable("RECORD_MONGO_SHAPES") == "1")
        {
            File.WriteAllText(ExpectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(ExpectedPath), actual);
    }

    [Fact]
    public void Every_document_class_is_described()
    {
        var names = DocumentTypes().Select(t => t.Name).ToList();

        Assert.Contains("MongoDeliveryDocument", names);
        Assert.Contains("MongoReportDocument", names);
        Assert.Contains("MongoSubmissionDocument", names);
        Assert.Contains("MongoOutboxDocument", names);
        Assert.Contains("ModelHost", names);
        Assert.True(names.Count >= 30, $"only {names.Count} document classes found");
    }

    private static string DescribeAll()
    {
        var text = new StringBuilder();
        foreach (var type in DocumentTypes())
        {
            text.Append(type.FullName).Append('\n');
            var bson = Populate(type, depth: 0).ToBsonDocument(type);
            Describe(BsonClassMap.LookupClassMap(type), bson, "  ", text);
        }

        return text.ToString();
    }

    private static void Describe(BsonClassMap map, BsonDocument bson, string indent, StringBuilder text)
    {
        foreach (var member in map.AllMemberMaps.OrderBy(m => m.ElementName, StringComparer.Ordinal))
        {
            var value = bson.GetValue(member.ElementName, BsonNull.Value);
            text.Append(indent).Append(member.ElementName).Append(' ').Append(Kind(value))
                .Append(' ').Append(Pinning(member.GetSerializer()))
                .Append(member.IgnoreIfNull ? " ignoreIfNull" : "").Append(member.IgnoreIfDefault ? " ignoreIfDefault" : "").Append('\n');
            var element = ElementType(member.MemberType);
            if (element is not null && IsDocumentClass(element))
            {
                var inner = value is BsonArray array ? array[0].AsBsonDocument : value.AsBsonDocument;
                Describe(BsonClassMap.LookupClassMap(element), inner, indent + "  ", text);
            }
        }
    }

    private static string Kind(BsonValue value) => value switch
    {
        BsonBinaryData binary => $"Binary/{binary.SubType}",
        BsonArray array => array.Count == 0 ? "Array" : $"Array<{Kind(array[0])}>",
        _ => value.BsonType.ToString(),
    };

    private static string Pinning(IBsonSerializer serializer) => serializer switch
    {
        GuidSerializer guid => $"guid:{guid.GuidRepresentation}",
        DateTimeOffsetSerializer date => $"date:{date.Representation}",
        IChildSerializerConfigurable child when serializer.ValueType.IsGenericType
            && serializer.ValueType.GetGenericTypeDefinition() == typeof(Nullable<>) => "nullable " + Pinning(child.ChildSerializer),
        _ => "-",
    };

    private static object Populate(Type type, int depth)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return constructor.Invoke(constructor.GetParameters().Select(p => Sample(p.ParameterType, depth)).ToArray());
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(instance, Sample(property.PropertyType, depth));
        }

        return instance;
    }

    private static object? Sample(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return "text";
        if (underlying == typeof(int)) return 7;
        if (underlying == typeof(long)) return 7L;
        if (underlying == typeof(double)) return 7.5;
        if (underlying == typeof(bool)) return true;
        if (underlying == typeof(Guid)) return new Guid("0d8f6c9e-5a3b-4c2d-9e1f-a0b1c2d3e4f5");
        if (underlying == typeof(DateTimeOffset)) return new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        if (underlying == typeof(DateTime)) return new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        if (underlying == typeof(byte[])) return new byte[] { 1, 2, 3 };
        if (underlying == typeof(ObjectId)) return new ObjectId("65e1f0a0b1c2d3e4f5a6b7c8");
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(0);
        if (ElementType(underlying) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Sample(element, depth + 1));
            return underlying.IsArray ? ToArray(list, element) : list;
        }

        if (IsDocumentClass(underlying) && depth < 4) return Populate(underlying, depth + 1);
        throw new InvalidOperationException($"No sample value for {type} (add one to {nameof(MongoDocumentShapeTests)}).");
    }

    private static Array ToArray(IList list, Type element)
    {
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[])) return null;
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
    }

    private static bool IsDocumentClass(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("SafetyReports.", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> DocumentTypes() =>
        new[]
            {
                typeof(global::SafetyReports.Intake.Storage.MongoSubmissionDocument), typeof(global::SafetyReports.Triage.Storage.MongoReportDocument),
                typeof(global::SafetyReports.Notification.Storage.MongoDeliveryDocument), typeof(global::SafetyReports.ServiceDefaults.Storage.Mongo.MongoOutboxDocument),
                typeof(global::SafetyReports.Portal.Auth.MongoSessionDocument),
            }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Name.StartsWith("Mongo", StringComparison.Ordinal)
                && t.Name.EndsWith("Document", StringComparison.Ordinal))
            .Concat(MongoRecordMap.Registered)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
