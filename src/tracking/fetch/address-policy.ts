import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses the partner-feed poller may connect to (SSRF defence, DESIGN.md §12): only
 * public unicast addresses, unless FEED_FETCH_ALLOW_HOSTS names the host or a CIDR containing
 * the address. Loopback, RFC 1918, CGNAT (100.64/10), link-local (169.254/16 with the cloud
 * metadata service at 169.254.169.254, fe80::/10), unique-local (fc00::/7), 0.0.0.0/8,
 * multicast, broadcast and reserved ranges are refused; an IPv4-mapped IPv6 address is judged
 * as the IPv4 address it carries, and NAT64/6to4/Teredo and IPv4-compatible (::/96, e.g.
 * [::127.0.0.1] = [::7f00:1], deprecated by RFC 4291 but still routed to the IPv4 address by some
 * stacks) forms, which embed an IPv4 address, are refused outright. The webhook channel accounts
 * use the same policy with WEBHOOK_CHANNEL_ALLOW_HOSTS.
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
    const parsed = unmapped(ipaddr.parse(canonical(address)));
    if (this.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return null;
    if (isIpv4Compatible(parsed)) return 'ipv4Compatible';
    const range = parsed.range();
    return range === 'unicast' ? null : range;
  }
}

/**
 * An IPv6 literal as the WHATWG URL parser (and so the connection) reads it: ipaddr.js reads
 * "::8.8.8.8" as the IPv4-mapped ::ffff:8.8.8.8, which would be judged as 8.8.8.8, while it is
 * the IPv4-compatible ::808:808.
 */
function canonical(address: string): string {
  return isIP(address) === 6 ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

/** ::a.b.c.d (the first 96 bits zero), other than :: and ::1 which have ranges of their own. */
function isIpv4Compatible(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() !== 'ipv6') return false;
  const parts = (address as ipaddr.IPv6).parts;
  return parts.slice(0, 6).every((part) => part === 0) && (parts[6] !== 0 || parts[7] > 1);
}

function unmapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function normaliseRange([address, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [address, bits];
}

/**
 * Where a URL may be posted or fetched to under `policy`: null when allowed, else why not. An IP
 * literal is judged as it is (Node connects to it without a lookup); a host name by every address
 * it resolves to. Pair it with policyLookup on the connection itself, so that the address checked
 * is the address connected to.
 */
export async function urlRefusal(policy: AddressPolicy, rawUrl: string, resolve: (host: string) => Promise<string[]>): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'invalid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not http(s)';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    const refusal = policy.refusal(host);
    return refusal ? `${refusal} address` : null;
  }
  if (policy.allowsHost(host)) return null;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return 'host does not resolve';
  }
  for (const address of addresses) {
    const refusal = policy.refusal(address, host);
    if (refusal) return `host resolves to a ${refusal} address`;
  }
  return addresses.length ? null : 'host does not resolve';
}

/** dns.lookup for a connection, failing it when any address of the answer is refused by `policy`. */
export function policyLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: false }, (error, addresses: LookupAddress[]) => {
      const refused = error ? null : addresses.find(({ address }) => policy.refusal(address, hostname) !== null);
      if (error || addresses.length === 0 || refused) {
        const failure = Object.assign(new Error(refused ? 'address refused by policy' : 'host does not resolve'), { code: refused ? 'EADDRREFUSED' : 'ENOTFOUND' });
        return callback(failure, '', 4);
      }
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
