using SafetyReports.ServiceDefaults.Storage.Mongo;

[assembly: AssemblyFixture(typeof(SafetyReports.UnitTests.Storage.MongoSerializerRegistration))]

namespace SafetyReports.UnitTests.Storage;

/// <summary>
/// As in the services, the process-wide BSON settings are made before any BSON is touched: this
/// fixture is built before the first test of the assembly runs.
/// </summary>
public sealed class MongoSerializerRegistration
{
    public MongoSerializerRegistration()
    {
        MongoDatabaseFactory.RegisterSerializers();
        global::SafetyReports.Notification.Storage.MongoNotificationRecords.Register();
        global::SafetyReports.Intake.Storage.MongoIntakeRecords.Register();
        global::SafetyReports.Triage.Storage.MongoTriageRecords.Register();
    }
}
