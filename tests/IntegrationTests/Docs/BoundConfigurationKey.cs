using System.Collections;
using System.Globalization;
using System.Reflection;

namespace SafetyReports.IntegrationTests.Docs;

/// <summary>
/// One configuration key an options class binds: its full key (<c>N</c> for a list index), the default the class gives it
/// (null when it has none worth stating: no value, or an empty list) and the service whose assembly reads it.
/// </summary>
public sealed record BoundConfigurationKey(string Key, string? Default, string Service)
{
    /// <summary>Properties bound from a section but documented (and read) under another key.</summary>
    private static readonly Dictionary<string, string> ReadFrom = new()
    {
        ["SafetyReports:Bus:RabbitMqConnectionString"] = "ConnectionStrings:RabbitMq",
        ["SafetyReports:Storage:MongoDbConnectionString"] = "ConnectionStrings:MongoDb",
    };

    /// <summary>
    /// Every key of every options class of the services: a class with a <c>Section</c> constant, as each module binds them
    /// (<c>GetSection(X.Section)</c>), walked through its settable properties, nested classes and lists.
    /// </summary>
    public static IReadOnlyList<BoundConfigurationKey> All() =>
        ServiceAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null
                && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true, FieldType: var f } && f == typeof(string))
            .SelectMany(t => KeysOf(t, (string)t.GetField("Section")!.GetRawConstantValue()!, Activator.CreateInstance(t), ServiceOf(t)))
            .Select(k => ReadFrom.TryGetValue(k.Key, out var key) ? k with { Key = key } : k)
            .DistinctBy(k => (k.Key, k.Default))
            .ToList();

    private static IEnumerable<Assembly> ServiceAssemblies() =>
        new[] { typeof(SafetyReports.Intake.IntakeOptions), typeof(SafetyReports.Triage.TriageModule), typeof(SafetyReports.Notification.NotificationOptions),
            typeof(SafetyReports.Identity.IdentityModule),
            typeof(SafetyReports.Portal.PortalOptions), typeof(SafetyReports.ServiceDefaults.Hosting.StorageOptions) }.Select(t => t.Assembly).Distinct();

    private static string ServiceOf(Type type) => type.Assembly.GetName().Name!.Replace("SafetyReports.", "", StringComparison.Ordinal);

    private static IEnumerable<BoundConfigurationKey> KeysOf(Type type, string prefix, object? instance, string service)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                yield return new BoundConfigurationKey(key, Format(value), service);
            }
            else if (ElementOf(propertyType) is { } element)
            {
                var elementType = Nullable.GetUnderlyingType(element) ?? element;
                if (IsScalar(elementType))
                {
                    yield return new BoundConfigurationKey($"{key}:N", null, service);
                }
                else
                {
                    foreach (var nested in KeysOf(elementType, $"{key}:N", Activator.CreateInstance(elementType), service))
                    {
                        yield return nested;
                    }
                }
            }
            else
            {
                foreach (var nested in KeysOf(propertyType, key, value ?? Activator.CreateInstance(propertyType), service))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Uri);

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.IsArray ? type.GetElementType() : type.GetGenericArguments().SingleOrDefault()
            : null;

    /// <summary>The default as configuration would spell it: <c>00:10:00</c>, <c>16</c>, <c>false</c>, <c>RabbitMq</c>.</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
