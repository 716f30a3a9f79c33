import proxyAddr from 'proxy-addr'

/**
 * The client's address as the Node server sees it. With no TRUSTED_PROXIES (the default) it is
 * the socket's peer and nothing a client sends can change it. Behind a reverse proxy, list the
 * proxy's addresses or CIDRs: X-Forwarded-For is then read right to left and the first hop that
 * is not a trusted proxy is the client (so a forged left-most entry is ignored); X-Real-IP is used
 * only when a trusted peer sent no X-Forwarded-For. proxy-addr is Express's implementation of
 * exactly this walk (IPv4, IPv6, CIDRs, IPv4-mapped IPv6).
 */
export function createProxyTrust(trustedProxies: string) {
  const list = trustedProxies
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  // compile() throws on a malformed entry, so a typo stops the server at start, not at request time.
  const trust = proxyAddr.compile(list)
  const isTrusted = (peer: string | undefined) => Boolean(list.length && peer && trust(peer, 0))
  const address = (peer: string | undefined, headers: Headers): string => {
    const socketAddress = peer ?? 'unknown'
    if (!isTrusted(peer)) return socketAddress
    const forwardedFor = headers.get('X-Forwarded-For')
    const realIp = headers.get('X-Real-IP')?.trim()
    if (!forwardedFor && realIp) return validIp(realIp) ?? socketAddress
    const req = {
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      connection: { remoteAddress: peer },
      socket: { remoteAddress: peer },
    }
    // proxy-addr reads only these three fields of Node's IncomingMessage.
    return validIp(proxyAddr(req as never, trust)) ?? socketAddress
  }
  /**
   * 'https' or 'http' as a trusted, TLS-terminating proxy reports it in X-Forwarded-Proto, else
   * null (keep the socket's): the API compares a write's Origin with it and sets the session
   * cookie Secure.
   */
  const protocol = (peer: string | undefined, headers: Headers): 'http' | 'https' | null => {
    if (!isTrusted(peer)) return null
    const proto = headers.get('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase()
    return proto === 'https' || proto === 'http' ? proto : null
  }
  return { address, protocol }
}

/** An address a proxy reported, or null when it is not one (never log arbitrary header text). */
function validIp(text: string): string | null {
  return /^[0-9a-fA-F:.]{2,45}$/.test(text) ? text : null
}
