namespace SafetyReports.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Thrown inside a MongoDB transaction when a compare-and-swap found the state it read already
/// changed; <see cref="MongoTransactions.RunAsync{T}"/> runs the whole transaction again.
/// </summary>
public sealed class MongoConflictException(string message) : Exception(message);
