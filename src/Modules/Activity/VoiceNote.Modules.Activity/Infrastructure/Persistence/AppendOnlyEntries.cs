namespace VoiceNote.Modules.Activity.Infrastructure.Persistence;

/// <summary>
/// The database's own guard of the log (docs/decisions/0078): a statement trigger refuses every UPDATE and every
/// DELETE of <c>activity.entries</c>, unless the transaction set <c>voicenote.activity_prune</c> (only the retention
/// prune does), which lets DELETE through, or <c>voicenote.activity_anonymise</c> (only a purged account's
/// anonymisation does, ADR 0085), which lets UPDATE through. It stops the application and a careless script, not a
/// database owner, who can drop the trigger; TRUNCATE (an operator's reset) is not guarded.
/// </summary>
internal static class AppendOnlyEntries
{
    /// <summary>The guard as the first migration made it (and <see cref="AllowAnonymising"/>'s Down puts back).</summary>
    public const string RefuseAnonymising = """
        CREATE OR REPLACE FUNCTION activity.refuse_entry_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND current_setting('voicenote.activity_prune', true) = 'on' THEN
                RETURN NULL;
            END IF;
            RAISE EXCEPTION 'activity entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        """;

    public const string Create = RefuseAnonymising + """
        CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON activity.entries
            FOR EACH STATEMENT EXECUTE FUNCTION activity.refuse_entry_changes();
        """;

    /// <summary>The guard again, letting UPDATE through in a transaction that set <c>voicenote.activity_anonymise</c>.</summary>
    public const string AllowAnonymising = """
        CREATE OR REPLACE FUNCTION activity.refuse_entry_changes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND current_setting('voicenote.activity_prune', true) = 'on' THEN
                RETURN NULL;
            END IF;
            IF TG_OP = 'UPDATE' AND current_setting('voicenote.activity_anonymise', true) = 'on' THEN
                RETURN NULL;
            END IF;
            RAISE EXCEPTION 'activity entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS entries_append_only ON activity.entries;
        DROP FUNCTION IF EXISTS activity.refuse_entry_changes();
        """;
}
