using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// The mail outbox table (<see cref="IMailOutboxStore"/>) of a SQLite store that sends mail: a migration step of that store
/// creates <see cref="Table"/>; its writes run in the store's own transactions.
/// </summary>
public static class SqliteMailOutbox
{
    /// <summary>A sent row keeps its id and times, its content gone (<c>mail</c> NULL); unsent rows are found through the partial index.</summary>
    public const string Table = """
        CREATE TABLE mail_outbox (
            id TEXT PRIMARY KEY,
            mail TEXT,
            queued_at INTEGER NOT NULL,
            failures INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            sent_at INTEGER
        );
        CREATE INDEX ix_mail_outbox_due ON mail_outbox (due_at) WHERE sent_at IS NULL;
        """;

    /// <summary>Sent rows by when, for pruning (<see cref="PruneAsync"/>): a later migration step of each store that sends mail.</summary>
    public const string SentIndex = "CREATE INDEX ix_mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;";

    public static Task<bool> QueueAsync(SqliteWrite w, QueuedMail mail) =>
        w.ChangesOneAsync(
            "INSERT INTO mail_outbox (id, mail, queued_at, failures, due_at) VALUES ($id, $mail, $queued, $failures, $due) ON CONFLICT (id) DO NOTHING",
            ("$id", mail.Id.ToString()), ("$mail", mail.ProtectedMail), ("$queued", mail.QueuedAt.ToUnixMs()), ("$failures", mail.Failures),
            ("$due", mail.DueAt.ToUnixMs()));

    public static async Task<IReadOnlyList<QueuedMail>> DueAsync(SqliteDatabase database, DateTimeOffset now, int max) =>
        await database.ReadAsync(c => c.QueryAsync(
            "SELECT id, mail, queued_at, failures, due_at FROM mail_outbox WHERE sent_at IS NULL AND due_at <= $now ORDER BY due_at LIMIT $max",
            r => new QueuedMail(Guid.Parse(r.GetString(0)), r.GetString(1), SqliteCommandExtensions.FromUnixMs(r.GetInt64(2)), r.GetInt32(3),
                SqliteCommandExtensions.FromUnixMs(r.GetInt64(4))),
            null, ("$now", now.ToUnixMs()), ("$max", max)));

    public static Task SentAsync(SqliteWrite w, Guid id, DateTimeOffset at) =>
        w.ExecuteAsync("UPDATE mail_outbox SET mail = NULL, sent_at = $at WHERE id = $id AND sent_at IS NULL", ("$id", id.ToString()), ("$at", at.ToUnixMs()));

    public static Task FailedAsync(SqliteWrite w, Guid id, int failures, DateTimeOffset dueAt) =>
        w.ExecuteAsync("UPDATE mail_outbox SET failures = $failures, due_at = $due WHERE id = $id AND sent_at IS NULL",
            ("$id", id.ToString()), ("$failures", failures), ("$due", dueAt.ToUnixMs()));

    public static Task<int> PruneAsync(SqliteWrite w, DateTimeOffset sentBefore, int max) =>
        w.ExecuteAsync(
            "DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at IS NOT NULL AND sent_at < $before LIMIT $max)",
            ("$before", sentBefore.ToUnixMs()), ("$max", max));
}
