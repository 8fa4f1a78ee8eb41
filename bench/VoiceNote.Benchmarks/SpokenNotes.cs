namespace VoiceNote.Benchmarks;

/// <summary>
/// The script flite speaks for the longer test and benchmark recordings: note-like sentences with tasks
/// and times. One list, linked into the integration tests too, so the offline speech benchmark, the
/// tests and build/bench.sh hear the same words.
/// </summary>
internal static class SpokenNotes
{
    public static readonly string[] Sentences =
    [
        "call the dentist tomorrow at five pm and buy milk",
        "remind me to send the quarterly report to the finance team by friday",
        "i need to book a table for four people at the italian restaurant on saturday evening",
        "don't forget to water the plants in the kitchen before leaving for the airport",
        "the meeting with the design team moved to next monday at ten in the morning",
        "pick up the dry cleaning and get some bread and eggs on the way home",
        "ask john about the budget for the new project and write down the numbers",
        "the car needs an oil change and the tires should be checked this week",
        "call my mother on sunday afternoon and wish her a happy birthday",
        "send an email to the landlord about the broken heating in the living room",
        "renew the passport before the end of the month because the trip is in june",
        "buy a present for the office party and wrap it before thursday",
        "check the train times for the conference in london next wednesday",
    ];
}
