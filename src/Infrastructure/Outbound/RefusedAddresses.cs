using System.Net;
using System.Net.Sockets;

namespace VoiceNote.Infrastructure.Outbound;

/// <summary>
/// The addresses a user-chosen URL may not reach: this machine and the networks behind it. Checked on the
/// address a connection is actually opened to, in every spelling (IPv4-mapped, IPv4-compatible, NAT64 and
/// 6to4 forms of an IPv6 address are judged by the IPv4 address inside them).
/// </summary>
public static class RefusedAddresses
{
    /// <summary>True for loopback, private, link-local, CGNAT, unspecified, multicast, broadcast and reserved addresses.</summary>
    public static bool IsRefused(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsRefusedV4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0xFF)
        {
            return true; // ff00::/8 multicast
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return true; // fc00::/7 unique local
        }

        if (b[0] == 0xFE && (b[1] & 0x80) == 0x80)
        {
            return true; // fe80::/10 link-local and fec0::/10 (deprecated) site-local
        }

        if (AllZero(b, 0, 10) && b[10] == 0xFF && b[11] == 0xFF)
        {
            return IsRefusedV4(b.AsSpan(12, 4)); // ::ffff:a.b.c.d, IPv4-mapped
        }

        if (AllZero(b, 0, 12))
        {
            // :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible ::a.b.c.d
            return AllZero(b, 12, 3) || IsRefusedV4(b.AsSpan(12, 4));
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && AllZero(b, 4, 8))
        {
            return IsRefusedV4(b.AsSpan(12, 4)); // 64:ff9b::/96, NAT64
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsRefusedV4(b.AsSpan(2, 4)); // 2002::/16, 6to4
        }

        return false;
    }

    private static bool IsRefusedV4(ReadOnlySpan<byte> b) =>
        b[0] == 0                                   // 0.0.0.0/8: unspecified, "this network"
        || b[0] == 10                               // 10.0.0.0/8
        || b[0] == 127                              // 127.0.0.0/8 loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // 100.64.0.0/10 CGNAT
        || (b[0] == 169 && b[1] == 254)             // 169.254.0.0/16 link-local (cloud metadata)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // 172.16.0.0/12
        || (b[0] == 192 && b[1] == 168)             // 192.168.0.0/16
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // 192.0.0.0/24 protocol assignments
        || (b[0] == 198 && (b[1] & 0xFE) == 18)     // 198.18.0.0/15 benchmarking
        || b[0] >= 224;                             // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast

    private static bool AllZero(byte[] bytes, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        return true;
    }
}
