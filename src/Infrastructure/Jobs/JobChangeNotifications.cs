using Microsoft.EntityFrameworkCore.Migrations;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// The trigger a module's migration adds to its jobs table: every insert or update NOTIFYs the job's
/// id, on commit, whichever process wrote it (<see cref="JobChangeListener"/>).
/// </summary>
public static class JobChangeNotifications
{
    public const string Channel = "voicenote_job_changes";

    public static void AddJobChangeNotifications(this MigrationBuilder migration, string schema)
    {
        migration.Sql($"""
            CREATE OR REPLACE FUNCTION "{schema}".notify_job_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{Channel}', NEW.id::text);
                RETURN NULL;
            END $$;
            CREATE TRIGGER jobs_notify_change AFTER INSERT OR UPDATE ON "{schema}".jobs
                FOR EACH ROW EXECUTE FUNCTION "{schema}".notify_job_change();
            """);
    }

    public static void DropJobChangeNotifications(this MigrationBuilder migration, string schema) =>
        migration.Sql($"""
            DROP TRIGGER IF EXISTS jobs_notify_change ON "{schema}".jobs;
            DROP FUNCTION IF EXISTS "{schema}".notify_job_change();
            """);
}
