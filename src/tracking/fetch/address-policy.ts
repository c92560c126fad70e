import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses the partner-feed poller may connect to (SSRF defence, DESIGN.md §12): only
 * public unicast addresses, unless FEED_FETCH_ALLOW_HOSTS names the host or a CIDR containing
 * the address. Loopback, RFC 1918, CGNAT (100.64/10), link-local (169.254/16 with the cloud
 * metadata service at 169.254.169.254, fe80::/10), unique-local (fc00::/7), 0.0.0.0/8,
 * multicast, broadcast and reserved ranges are refused; an IPv4-mapped IPv6 address is judged
 * as the IPv4 address it carries, and NAT64/6to4/Teredo forms (which embed an IPv4 address) are
 * refused outright.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(allowList: readonly string[]) {
    for (const entry of allowList) {
      const value = entry.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
      if (!value) continue;
      if (value.includes('/') && ipaddr.isValidCIDR(value)) this.ranges.push(normaliseRange(ipaddr.parseCIDR(value)));
      else if (ipaddr.isValid(value)) {
        const address = unmapped(ipaddr.parse(value));
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.hosts.add(value);
    }
  }

  /** True when the host name itself is allow-listed (any address it resolves to is accepted). */
  allowsHost(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase());
  }

  /** Null when `address` may be connected to, else the name of its range (for the error). */
  refusal(address: string, hostname?: string): string | null {
    if (hostname && this.allowsHost(hostname)) return null;
    if (!isIP(address)) return 'invalid';
    const parsed = unmapped(ipaddr.parse(address));
    if (this.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return null;
    const range = parsed.range();
    return range === 'unicast' ? null : range;
  }
}

function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function normaliseRange([address, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [address, bits];
}
