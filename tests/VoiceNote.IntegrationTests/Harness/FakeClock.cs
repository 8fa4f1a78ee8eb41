namespace VoiceNote.IntegrationTests.Harness;

/// <summary>A clock the test moves by hand. Timers are not faked: nothing under test waits on one.</summary>
internal sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
