using MongoDB.Bson.Serialization;

namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Declares a class as a stored MongoDB document written with <see cref="MongoDocumentConventions"/>, stated once
/// instead of on every property.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MongoDocumentAttribute : Attribute, IBsonPostProcessingAttribute
{
    public void PostProcess(BsonClassMap classMap) => MongoDocumentConventions.Apply(classMap);
}
