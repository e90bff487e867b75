namespace SafetyReports.Triage.Storage;

/// <summary>Migration steps 7 and 9: the sealed months' snapshots and their errata (<see cref="ISealedMonths"/>), only ever added to.</summary>
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

    /// <summary>
    /// Migration step 9: each host's per-model answer of a sealed month and its errata. The model is the row of such an
    /// answer, so it joins the errata's key; the answer's own figures (held) are kept under the empty model, which no listed model has.
    /// </summary>
    public const string ModelsSchema = """
        CREATE TABLE transparency_sealed_models (
            month INTEGER NOT NULL,
            host TEXT NOT NULL,
            sealed_at INTEGER NOT NULL,
            figures TEXT NOT NULL,
            PRIMARY KEY (month, host)
        ) WITHOUT ROWID;
        CREATE TABLE transparency_model_errata (
            month INTEGER NOT NULL,
            host TEXT NOT NULL,
            model TEXT NOT NULL,
            figure TEXT NOT NULL,
            seq INTEGER NOT NULL,
            old_value TEXT,
            new_value TEXT,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (month, host, model, figure, seq)
        ) WITHOUT ROWID;
        """;

    /// <summary>The whole answer's figures (a null host) are kept under the empty host, which no listed host has.</summary>
    public const string WholeAnswer = "";
}
