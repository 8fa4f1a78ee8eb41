namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>How the owner will reach someone for a task (docs/decisions/0031).</summary>
internal enum CommunicationType
{
    WhatsApp,
    Sms,
    Call,
    Meet,
    Slack,
}
