namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>Seed 000's communication type of a task: how the owner will reach someone.</summary>
internal enum CommunicationType
{
    WhatsApp,
    Sms,
    Call,
    Meet,
    Slack,
}
