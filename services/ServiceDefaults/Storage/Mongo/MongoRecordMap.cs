using System.Collections.Concurrent;
using System.Reflection;
using MongoDB.Bson.Serialization;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Stores a domain record as it is, written with <see cref="MongoDocumentConventions"/> and read back through its
/// primary constructor: where a document would only repeat a record's fields, the record is the document, and the
/// domain stays free of storage attributes. Register before any BSON of the type is touched (the stores do it in
/// their static constructors); a second registration of a type is ignored.
/// </summary>
public static class MongoRecordMap
{
    private static readonly ConcurrentDictionary<Type, bool> RegisteredTypes = new();

    /// <summary>The records stored this way, for the shape tests.</summary>
    public static IReadOnlyCollection<Type> Registered => RegisteredTypes.Keys.ToList();

    /// <param name="configure">What differs from the conventions: another id member, an explicit element name, elements left out while null.</param>
    public static void Register<T>(Action<BsonClassMap<T>>? configure = null) => Register(embedded: false, configure);

    /// <summary>
    /// A record stored inside another document (an array item, a sub-document): no <c>_id</c> of its own, so a property
    /// called Id is the element <c>id</c>.
    /// </summary>
    public static void RegisterEmbedded<T>(Action<BsonClassMap<T>>? configure = null) => Register(embedded: true, configure);

    private static void Register<T>(bool embedded, Action<BsonClassMap<T>>? configure)
    {
        BsonClassMap.TryRegisterClassMap<T>(map =>
        {
            map.AutoMap();
            if (embedded && map.IdMemberMap is { } id)
            {
                map.SetIdMember(null);
                id.SetElementName(id.MemberName);
            }

            var constructor = PrimaryConstructor(typeof(T));
            map.MapConstructor(constructor).SetArguments(constructor.GetParameters().Select(p => p.Name!).ToArray());
            foreach (var parameter in constructor.GetParameters())
            {
                // An element missing from a document written before its field existed reads as the field's default.
                map.GetMemberMap(parameter.Name!).SetDefaultValue(
                    parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null);
            }
            configure?.Invoke(map);
            MongoDocumentConventions.Apply(map);
        });
        RegisteredTypes.TryAdd(typeof(T), true);
    }

    // The constructor whose every parameter names a property: a positional record's own.
    private static ConstructorInfo PrimaryConstructor(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
        return type.GetConstructors()
            .Where(c => c.GetParameters().Length > 0 && c.GetParameters().All(p => properties.Contains(p.Name!)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no constructor whose parameters name its properties.");
    }
}
