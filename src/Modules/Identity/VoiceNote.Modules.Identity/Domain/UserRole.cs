namespace VoiceNote.Modules.Identity.Domain;

/// <summary>Seed 000's roles; they steer summaries and task extraction. (Seed 000's ADMIN role is the is_admin flag here.)</summary>
internal enum UserRole
{
    Student,
    Teacher,
    Developer,
    OfficeWorker,
    BusinessMan,
    Psychiatrist,
    Psychologist,
    Generic,
}
