using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceNote.Infrastructure.Outbound;

namespace VoiceNote.UnitTests.Foundation;

/// <summary>Which addresses a user-chosen URL may not reach, and how the operator's allow-list is read (ADR 0065).</summary>
public sealed class OutboundGuardTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.255.0.9")]
    [TestCase("10.0.0.1")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.1.10")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("100.127.255.254")]
    [TestCase("0.0.0.0")]
    [TestCase("224.0.0.1")]
    [TestCase("255.255.255.255")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("fc00::1")]
    [TestCase("fd12:3456::1")]
    [TestCase("fe80::1")]
    [TestCase("ff02::1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("::ffff:169.254.169.254")]
    [TestCase("::127.0.0.1")]
    [TestCase("64:ff9b::a9fe:a9fe")]
    [TestCase("2002:7f00:1::1")]
    public void Local_private_link_local_and_special_addresses_are_refused(string address) =>
        Assert.That(RefusedAddresses.IsRefused(IPAddress.Parse(address)), Is.True);

    [TestCase("1.1.1.1")]
    [TestCase("8.8.8.8")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.1")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.1")]
    [TestCase("192.169.0.1")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("::ffff:8.8.8.8")]
    [TestCase("2002:0808:0808::1")]
    public void Public_addresses_pass(string address) =>
        Assert.That(RefusedAddresses.IsRefused(IPAddress.Parse(address)), Is.False);

    [TestCase("whisper.lan", 8000, true)]
    [TestCase("WHISPER.lan", 443, true)]
    [TestCase("whisper.lan.", 80, true)]
    [TestCase("other.lan", 8000, false)]
    [TestCase("10.0.0.5", 8000, true)]
    [TestCase("10.0.0.5", 9000, false)]
    [TestCase("[::1]", 8080, true)]
    [TestCase("::1", 8080, true)]
    [TestCase("::1", 8081, false)]
    [TestCase("fd00::7", 1, true)]
    public void The_allow_list_names_exact_hosts_and_optionally_ports(string host, int port, bool allowed)
    {
        var guard = Guard("whisper.lan", "10.0.0.5:8000", "[::1]:8080", "fd00::7", " ");

        Assert.That(guard.IsAllowListed(host, port), Is.EqualTo(allowed));
    }

    [Test]
    public async Task Saving_checks_every_address_and_an_allow_listed_host_is_not_resolved()
    {
        var guard = Guard("localhost:8000");

        var loopback = await guard.CheckAsync(new Uri("http://127.0.0.1:55432/v1"), CancellationToken.None);
        var mappedMetadata = await guard.CheckAsync(new Uri("http://[::ffff:a9fe:a9fe]/"), CancellationToken.None);
        var localhostOtherPort = await guard.CheckAsync(new Uri("http://localhost:9000/v1"), CancellationToken.None);
        var localhostAllowed = await guard.CheckAsync(new Uri("http://localhost:8000/v1"), CancellationToken.None);
        var unresolved = await guard.CheckAsync(new Uri("http://no-such-host.invalid/v1"), CancellationToken.None);
        var publicLiteral = await guard.CheckAsync(new Uri("https://8.8.8.8/v1"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(loopback.Reason, Is.EqualTo(OutboundGuard.RefusedAddressReason));
            Assert.That(mappedMetadata.Allowed, Is.False);
            Assert.That(localhostOtherPort.Allowed, Is.False, "localhost resolves to loopback");
            Assert.That(localhostAllowed.Allowed, Is.True);
            Assert.That(unresolved.Reason, Is.EqualTo(OutboundGuard.UnresolvedReason));
            Assert.That(publicLiteral.Allowed, Is.True, "a public literal needs no lookup");
        });
    }

    [Test]
    public void An_endless_answer_is_read_no_further_than_the_limit()
    {
        var endless = new EndlessStream();
        using var content = new StreamContent(endless);

        Assert.That(async () => await content.ReadBoundedAsync(1024 * 1024, CancellationToken.None), Throws.TypeOf<OutboundAnswerTooLargeException>());
        Assert.That(endless.Served, Is.LessThanOrEqualTo((1024 * 1024) + (64 * 1024)), "at most one buffer past the limit");
    }

    [Test]
    public async Task An_answer_within_the_limit_is_read_whole_and_a_declared_length_over_it_is_not_read_at_all()
    {
        using var small = new ByteArrayContent(new byte[1000]);
        var endless = new EndlessStream();
        using var declared = new StreamContent(endless);
        declared.Headers.ContentLength = 2L * 1024 * 1024 * 1024;

        Assert.That(await small.ReadBoundedAsync(1000, CancellationToken.None), Has.Length.EqualTo(1000));
        Assert.That(async () => await declared.ReadBoundedAsync(1000, CancellationToken.None), Throws.TypeOf<OutboundAnswerTooLargeException>());
        Assert.That(endless.Served, Is.Zero);
    }

    private static OutboundGuard Guard(params string[] allowed) =>
        new(new StaticOptions(new OutboundOptions { AllowedHosts = [.. allowed] }), NullLogger<OutboundGuard>.Instance);

    /// <summary>A body that never ends, counting what was read of it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class StaticOptions(OutboundOptions value) : IOptionsMonitor<OutboundOptions>
    {
        public OutboundOptions CurrentValue => value;

        public OutboundOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OutboundOptions, string?> listener) => null;
    }
}
