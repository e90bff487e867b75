namespace SafetyReports.Triage.Storage;

/// <summary>Migration step 7: the sealed months' snapshots and their errata (<see cref="ISealedMonths"/>), only ever added to.</summary>
internal static class SqliteSealedMonths
{
    public const string Schema = """
        CREATE TABLE transparency_sealed_months (
            month INTEGER NOT NULL PRIMARY KEY,
            sealed_at INTEGER NOT NULL,
            figures TEXT NOT NULL
        );
        CREATE TABLE transparency_errata (
            month INTEGER NOT NULL,
            host TEXT NOT NULL,
            figure TEXT NOT NULL,
            seq INTEGER NOT NULL,
            old_value TEXT,
            new_value TEXT,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (month, host, figure, seq)
        ) WITHOUT ROWID;
        """;

    /// <summary>The whole answer's figures (a null host) are kept under the empty host, which no listed host has.</summary>
    public const string WholeAnswer = "";
}
