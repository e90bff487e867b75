using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// Brings a database file up to the model by creating every table and index it lacks. The first
/// version created its schema with <c>EnsureCreated</c>, which does nothing to a file that already
/// has tables, so a file from that version (OpenIddict's tables only) would never gain the users
/// tables. The model's own create script, made idempotent with <c>IF NOT EXISTS</c>, covers both a new
/// file and an old one. It only adds: a later change to an existing table needs EF Core migrations
/// (with this script's result as their baseline).
/// </summary>
public static partial class IdentitySchema
{
    public static async Task ApplyAsync(DbContext db, CancellationToken cancellationToken)
    {
        var script = MakeIdempotent(db.Database.GenerateCreateScript());
        // One transaction: two processes starting at once serialise here, and a failure leaves no half schema.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                // Plain ADO.NET: the script is not a format string, as EF Core's raw SQL methods would take it.
                command.Transaction = transaction;
                command.CommandText = script;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rewrites each <c>CREATE TABLE</c> and <c>CREATE [UNIQUE] INDEX</c> of a SQLite create script to skip existing objects.</summary>
    public static string MakeIdempotent(string createScript)
    {
        var tables = CreateTable().Replace(createScript, "CREATE TABLE IF NOT EXISTS ");
        return CreateIndex().Replace(tables, m => $"CREATE {m.Groups["unique"].Value}INDEX IF NOT EXISTS ");
    }

    [GeneratedRegex(@"^CREATE TABLE (?!IF NOT EXISTS )", RegexOptions.Multiline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^CREATE (?<unique>UNIQUE )?INDEX (?!IF NOT EXISTS )", RegexOptions.Multiline)]
    private static partial Regex CreateIndex();
}
