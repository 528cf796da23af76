/**
 * 127.0.0.0/8, ::1 and localhost, given as a host, host:port or host[:port]/path: the addresses
 * Docker (and our registry client) reach over plain HTTP, and pip trusts without TLS.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .replace(/\/.*$/, '')
    .replace(/^\[([^\]]*)\](?::\d+)?$/, '$1')
    .replace(/^([^:]*):\d+$/, '$1')
    .toLowerCase()
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
}
