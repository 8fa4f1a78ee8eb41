namespace VoiceNote.Modules.Identity.Domain;

/// <summary>The roles of docs/product.md; they steer summaries and task extraction. (Admin is not a role here but the admin flag of a user.)</summary>
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
