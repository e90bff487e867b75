using Microsoft.Data.Sqlite;
using SafetyReports.UnitTests.Triage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.UnitTests.Storage;

public sealed class SqliteMigrationsTests : IDisposable
{
    private static readonly SqliteMigration Notes = SqliteMigration.Sql(1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
    private static readonly SqliteMigration Authors = SqliteMigration.Sql(2, "note authors", "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';");
    private static readonly SqliteMigration ByAuthor = SqliteMigration.Sql(3, "notes by author", "CREATE INDEX ix_notes_author ON notes (author);");

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero));

    public SqliteMigrationsTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void A_new_file_runs_every_step_in_version_order_and_records_each()
    {
        var order = new List<int>();
        var steps = new[] { Notes, Authors, ByAuthor }.Select(s => s with { Apply = (c, t) => { order.Add(s.Version); s.Apply(c, t); } }).ToList();

        var run = new SqliteMigrations(steps).Run(_connection, clock: _clock);

        Assert.Equal([1, 2, 3], order);
        Assert.Empty(run.Found);
        Assert.Equal([1, 2, 3], run.Applied);
        var at = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal([(1, "notes", at), (2, "note authors", at), (3, "notes by author", at)], SqliteMigrations.ReadJournal(_connection));
    }

    [Fact]
    public void A_second_start_changes_nothing_and_a_new_step_runs_alone()
    {
        new SqliteMigrations([Notes, Authors]).Run(_connection, clock: _clock);
        _connection.Execute(null, "INSERT INTO notes (text, author) VALUES ('kept', 'ana')");
        var journal = SqliteMigrations.ReadJournal(_connection);
        _clock.Now = _clock.Now.AddDays(1);

        Assert.True(new SqliteMigrations([Notes, Authors]).Run(_connection, clock: _clock).ChangedNothing);
        Assert.Equal(journal, SqliteMigrations.ReadJournal(_connection));

        var upgrade = new SqliteMigrations([Notes, Authors, ByAuthor]).Run(_connection, clock: _clock);
        Assert.Equal([3], upgrade.Applied);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), SqliteMigrations.ReadJournal(_connection)[2].AppliedAt);
        Assert.Equal(["kept"], _connection.Query(null, "SELECT text FROM notes WHERE author = 'ana'", r => r.GetString(0)));
    }

    [Fact]
    public void A_file_from_a_newer_release_is_refused_with_the_versions_and_left_as_it_was()
    {
        new SqliteMigrations([Notes, Authors, ByAuthor]).Run(_connection, clock: _clock);

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteMigrations([Notes]).Run(_connection, clock: _clock));

        Assert.Contains("has schema version 3, newer than this release knows (up to 1, 'notes')", error.Message);
        Assert.Contains("versions 2, 3", error.Message);
        Assert.Equal([1, 2, 3], SqliteMigrations.ReadJournal(_connection).Select(j => j.Version));
    }

    [Fact]
    public void A_failing_step_rolls_the_whole_start_back()
    {
        var broken = SqliteMigration.Sql(2, "broken", "ALTER TABLE missing ADD COLUMN x INTEGER;");

        Assert.Throws<SqliteException>(() => new SqliteMigrations([Notes, broken]).Run(_connection, clock: _clock));

        Assert.Empty(_connection.Query(null, "SELECT name FROM sqlite_master", r => r.GetString(0)));
    }

    [Fact]
    public void Versions_must_run_one_two_three()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteMigrations([Notes, ByAuthor]));

        Assert.Contains("Migration 'notes by author' has version 3 at position 2", error.Message);
        Assert.Throws<ArgumentException>(() => new SqliteMigrations([]));
    }

    [Fact]
    public void A_file_from_before_the_journal_records_the_steps_it_has_and_runs_the_others()
    {
        _connection.Execute(null, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); CREATE INDEX ix_notes_text ON notes (text); INSERT INTO notes (text) VALUES ('old');");
        var withText = SqliteMigration.Sql(2, "notes by text", "CREATE INDEX ix_notes_text ON notes (text);");
        var withAuthor = SqliteMigration.Sql(3, "note authors", "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';");

        var run = new SqliteMigrations([Notes, withText, withAuthor]).Run(_connection, clock: _clock);

        Assert.Equal([1, 2], run.Found);
        Assert.Equal([3], run.Applied);
        Assert.Equal([1, 2, 3], SqliteMigrations.ReadJournal(_connection).Select(j => j.Version));
        Assert.Equal([("old", "unknown")], _connection.Query(null, "SELECT text, author FROM notes", r => (r.GetString(0), r.GetString(1))));
    }

    [Fact]
    public void A_file_from_before_the_journal_with_a_later_step_but_not_an_earlier_one_gets_just_the_missing_one()
    {
        // Releases did not always add things in the order of the steps.
        _connection.Execute(null, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, author TEXT NOT NULL DEFAULT 'unknown');");
        var withText = SqliteMigration.Sql(2, "notes by text", "CREATE INDEX ix_notes_text ON notes (text);");
        var withAuthor = SqliteMigration.Sql(3, "note authors", "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';");

        var run = new SqliteMigrations([Notes, withText, withAuthor]).Run(_connection, clock: _clock);

        Assert.Equal([1, 3], run.Found);
        Assert.Equal([2], run.Applied);
        Assert.Single(_connection.Query(null, "SELECT name FROM sqlite_master WHERE name = 'ix_notes_text'", r => r.GetString(0)));
    }

    [Fact]
    public void A_file_older_than_the_first_step_gains_what_it_lacks_and_the_store_backfills_it()
    {
        _connection.Execute(null, "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO notes (id) VALUES (7);");
        var first = SqliteMigration.Sql(1, "release before the journal", """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL DEFAULT '', seen INTEGER);
            CREATE INDEX ix_notes_seen ON notes (seen);
            CREATE TABLE tags (note INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (note, tag)) WITHOUT ROWID;
            """);
        SqliteCatchUp? caughtUp = null;
        var migrations = new SqliteMigrations([first], (c, t, catchUp) =>
        {
            caughtUp = catchUp;
            if (catchUp.AddedColumn("notes", "seen"))
            {
                c.Execute(t, "UPDATE notes SET seen = 1");
            }
        });

        var run = migrations.Run(_connection, clock: _clock);

        Assert.Equal([1], run.Found);
        Assert.Empty(run.Applied);
        Assert.Equal(["tags"], caughtUp!.CreatedTables);
        Assert.Equal([("notes", "text"), ("notes", "seen")], caughtUp.AddedColumns);
        Assert.Equal(["ix_notes_seen"], caughtUp.CreatedObjects);
        Assert.Equal([(7L, "", 1L)], _connection.Query(null, "SELECT id, text, seen FROM notes", r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2))));
        using var reference = new SqliteConnection("Data Source=:memory:");
        reference.Open();
        new SqliteMigrations([first]).Run(reference);
        Assert.True(SqliteSchemaShape.Read(_connection, null).Has(SqliteSchemaShape.Read(reference, null)));
    }

    [Fact]
    public void A_column_that_rows_could_not_have_stops_the_adoption()
    {
        _connection.Execute(null, "CREATE TABLE notes (id INTEGER PRIMARY KEY);");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteMigrations([Notes]).Run(_connection, clock: _clock));

        Assert.Contains("lacks column text", error.Message);
        Assert.Empty(_connection.Query(null, $"SELECT name FROM sqlite_master WHERE name = '{SqliteMigrations.JournalTable}'", r => r.GetString(0)));
    }
}
