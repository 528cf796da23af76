import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  mirrorHosts,
  mirrorPorts,
  renderSquidFiles,
  squidOptionsFor,
  squidSubcommand
} from '../../../src/cli/mirrors-squid.js'
import { UserError } from '../../../src/errors.js'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import {
  caGenerationSteps,
  minimalHosts,
  renderSquid,
  type SquidOptions
} from '../../../src/mirrors/squid.js'
import { scratchDir } from '../../helpers/scratch.js'

const base: SquidOptions = {
  port: 3128,
  cacheDir: '/var/spool/squid',
  caCert: '/etc/squid/bump-ca.crt',
  caKey: '/etc/squid/bump-ca.key',
  bumpHosts: ['pypi.org', 'files.pythonhosted.org', 'registry.npmjs.org', 'deb.debian.org'],
  allowedNetworks: ['10.0.0.0/8']
}

const conf = (options: Partial<SquidOptions> = {}) =>
  renderSquid({ ...base, ...options })['squid.conf'].split('\n')

/** Directive lines only (no comments, no blanks). */
const directives = (options: Partial<SquidOptions> = {}) =>
  conf(options).filter((line) => line !== '' && !line.startsWith('#'))

/** First refresh_pattern whose regex matches the URL (squid: first match wins; -i here). */
function refreshFor(lines: string[], url: string): string {
  for (const line of lines) {
    const match = /^refresh_pattern (-i )?(\S+) (\d+) (\d+)% (\d+)/.exec(line)
    if (match && new RegExp(match[2]!, match[1] ? 'i' : '').test(url))
      return `${match[3]} ${match[4]}% ${match[5]}`
  }
  return 'none'
}

describe('renderSquid', () => {
  it('renders the listening port, bump CA, certificate generator and splice-by-default rules', () => {
    const lines = directives()
    expect(lines).toContain(
      'http_port 3128 ssl-bump generate-host-certificates=on dynamic_cert_mem_cache_size=4MB tls-cert=/etc/squid/bump-ca.crt tls-key=/etc/squid/bump-ca.key'
    )
    expect(lines).toContain(
      'sslcrtd_program /usr/lib/squid/security_file_certgen -s /var/spool/squid/ssl_db -M 4MB'
    )
    const bump = lines.filter((line) => /^(acl step1|acl bump_hosts|ssl_bump)/.test(line))
    expect(bump).toEqual([
      'acl step1 at_step SslBump1',
      'acl bump_hosts ssl::server_name pypi.org files.pythonhosted.org registry.npmjs.org deb.debian.org',
      'ssl_bump peek step1',
      'ssl_bump bump bump_hosts',
      'ssl_bump splice all'
    ])
    expect(lines).toContain('sslproxy_cert_error deny all')
  })

  it('splices the splice list before bumping, and writes optional directives only when asked', () => {
    const lines = directives({
      bumpHosts: ['.example.org'],
      spliceHosts: ['login.example.org'],
      listenAddress: '127.0.0.1',
      hostsFile: '/etc/squid/hosts',
      upstreamCaFile: '/etc/squid/corp.pem',
      logDir: '/tmp/squid',
      pidFile: '/tmp/squid/squid.pid',
      effectiveUser: 'proxy'
    })
    expect(lines.filter((line) => line.startsWith('ssl_bump'))).toEqual([
      'ssl_bump peek step1',
      'ssl_bump splice splice_hosts',
      'ssl_bump bump bump_hosts',
      'ssl_bump splice all'
    ])
    expect(lines).toEqual(
      expect.arrayContaining([
        'acl splice_hosts ssl::server_name login.example.org',
        expect.stringMatching(/^http_port 127\.0\.0\.1:3128 ssl-bump /),
        'hosts_file /etc/squid/hosts',
        'tls_outgoing_options cafile=/etc/squid/corp.pem',
        'access_log stdio:/tmp/squid/access.log squid',
        'cache_log /tmp/squid/cache.log',
        'pid_filename /tmp/squid/squid.pid',
        'cache_effective_user proxy'
      ])
    )
    const plain = directives()
    for (const prefix of ['hosts_file', 'tls_outgoing_options', 'access_log', 'pid_filename'])
      expect(plain.some((line) => line.startsWith(prefix))).toBe(false)
  })

  it('controls access: allowed networks only, CONNECT to 443 plus the extra ports', () => {
    const lines = directives({
      allowedNetworks: ['10.0.0.0/8', '192.168.0.0/16', '10.0.0.0/8'],
      extraSslPorts: [8443, 443, 8081, 8443]
    })
    expect(lines.filter((line) => /^(acl runners|acl SSL_ports|http_access)/.test(line))).toEqual([
      'acl runners src 10.0.0.0/8 192.168.0.0/16',
      'acl SSL_ports port 443 8081 8443',
      'http_access deny !Safe_ports',
      'http_access deny CONNECT !SSL_ports',
      'http_access deny manager',
      'http_access deny to_localhost',
      'http_access allow runners',
      'http_access deny all'
    ])
    expect(directives({ allowLoopbackOrigins: true })).not.toContain(
      'http_access deny to_localhost'
    )
  })

  it('sizes the cache: ufs cache_dir, maximum_object_size (defaults big enough for packages)', () => {
    expect(directives()).toEqual(
      expect.arrayContaining([
        'cache_dir ufs /var/spool/squid 20000 16 256',
        'maximum_object_size 4096 MB',
        'collapsed_forwarding on'
      ])
    )
    expect(directives({ cacheSizeMb: 500, maxObjectSizeMb: 64, cacheDir: '/srv/cache/' })).toEqual(
      expect.arrayContaining(['cache_dir ufs /srv/cache 500 16 256', 'maximum_object_size 64 MB'])
    )
  })

  it('caches immutable artifacts long and revalidates metadata', () => {
    const lines = conf()
    const long = '525600 100% 525600'
    const revalidate = '0 0% 0'
    const cases: Array<[string, string]> = [
      ['https://deb.debian.org/debian/pool/main/h/hello/hello_2.10-3_amd64.deb', long],
      ['https://cdn.example/el9/Packages/h/hello-2.10-1.el9.x86_64.rpm', long],
      ['https://files.pythonhosted.org/packages/ab/cd/requests-2.31.0-py3-none-any.whl', long],
      ['https://files.pythonhosted.org/packages/ab/cd/requests-2.31.0.tar.gz', long],
      ['https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz', long],
      ['https://static.crates.io/crates/serde/serde-1.0.0.crate', long],
      ['https://repo1.maven.org/maven2/org/x/y/1.0/y-1.0.jar', long],
      ['https://repo1.maven.org/maven2/org/x/y/1.0/y-1.0.jar.sha1', long],
      ['https://proxy.golang.org/golang.org/x/text/@v/v0.14.0.zip', long],
      ['https://proxy.golang.org/golang.org/x/text/@v/v0.14.0.mod', long],
      [`https://registry-1.docker.io/v2/library/debian/blobs/sha256:${'a'.repeat(64)}`, long],
      [`https://ghcr.io/v2/o/i/manifests/sha256:${'b'.repeat(64)}`, long],
      [
        `https://deb.debian.org/debian/dists/bookworm/main/binary-amd64/by-hash/SHA256/${'c'.repeat(64)}`,
        long
      ],
      ['https://deb.debian.org/debian/dists/bookworm/InRelease', revalidate],
      ['https://deb.debian.org/debian/dists/bookworm/Release', revalidate],
      ['https://deb.debian.org/debian/dists/bookworm/main/binary-amd64/Packages.xz', revalidate],
      ['https://pypi.org/simple/requests/', revalidate],
      ['https://pypi.org/pypi/requests/json', revalidate],
      ['https://registry.npmjs.org/left-pad', revalidate],
      ['https://registry.npmjs.org/@types%2fnode', revalidate],
      ['https://cdn.example/el9/repodata/repomd.xml', revalidate],
      ['https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz', revalidate],
      ['https://repo1.maven.org/maven2/org/x/y/maven-metadata.xml', revalidate],
      [
        'https://nexus.example/repository/snapshots/org/x/y/1.0-SNAPSHOT/y-1.0-SNAPSHOT.jar',
        revalidate
      ],
      ['https://proxy.golang.org/golang.org/x/text/@v/list', revalidate],
      ['https://registry-1.docker.io/v2/library/debian/manifests/bookworm', revalidate],
      ['https://github.com/o/r/archive/refs/heads/main.tar.gz', revalidate],
      ['https://index.crates.io/se/rd/serde', revalidate]
    ]
    expect(cases.map(([url]) => [url, refreshFor(lines, url)])).toEqual(cases)
    expect(lines.filter((line) => line.startsWith('refresh_pattern')).at(-1)).toBe(
      'refresh_pattern . 0 0% 0'
    )
  })

  it('keeps host lists minimal: duplicates and names a .domain entry covers go', () => {
    expect(
      minimalHosts([
        '.pythonhosted.org',
        'files.pythonhosted.org',
        'pythonhosted.org',
        'pypi.org',
        'pypi.org'
      ])
    ).toEqual(['.pythonhosted.org', 'pypi.org'])
    expect(directives({ bumpHosts: ['PyPI.org', '.pypi.org'] })).toContain(
      'acl bump_hosts ssl::server_name .pypi.org'
    )
  })

  it('rejects bad input with a one-line UserError naming the field', () => {
    const bad: Array<[Partial<SquidOptions>, RegExp]> = [
      [{ port: 0 }, /^squid: port: expected a port number/],
      [{ port: 70000 }, /^squid: port: /],
      [{ bumpHosts: [] }, /^squid: bumpHosts: give at least one/],
      [
        { bumpHosts: ['https://pypi.org/simple'] },
        /^squid: bumpHosts: 'https:\/\/pypi.org\/simple' is not a host name/
      ],
      [{ bumpHosts: ['pypi.org:443'] }, /^squid: bumpHosts: /],
      [{ spliceHosts: ['pypi.org'] }, /^squid: spliceHosts: 'pypi.org' is in bumpHosts too/],
      [{ allowedNetworks: [] }, /^squid: allowedNetworks: give at least one/],
      [
        { allowedNetworks: ['10.0.0.0/33'] },
        /^squid: allowedNetworks: '10.0.0.0\/33' is not a CIDR/
      ],
      [{ allowedNetworks: ['pods'] }, /^squid: allowedNetworks: /],
      [{ extraSslPorts: [8443, -1] }, /^squid: extraSslPorts: /],
      [{ cacheDir: 'cache' }, /^squid: cacheDir: expected an absolute path/],
      [{ caKey: '/etc/squid/my key.pem' }, /^squid: caKey: /],
      [{ hostsFile: '/etc/hosts\nhttp_access allow all' }, /^squid: hostsFile: /],
      [{ maxObjectSizeMb: 0 }, /^squid: maxObjectSizeMb: /],
      [{ listenAddress: 'localhost' }, /^squid: listenAddress: /],
      [{ effectiveUser: 'root; rm' }, /^squid: effectiveUser: /]
    ]
    for (const [options, message] of bad) {
      let error: unknown
      try {
        renderSquid({ ...base, ...options })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(UserError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('\n')
    }
  })

  it('README names the bumped hosts and the CA steps', () => {
    const readme = renderSquid(base)['README.txt']
    expect(readme).toContain('apt-get install squid-openssl')
    expect(readme).toContain(
      'Bumped and cached: pypi.org files.pythonhosted.org registry.npmjs.org deb.debian.org'
    )
    expect(readme).toContain('/usr/lib/squid/security_file_certgen -c -s /var/spool/squid/ssl_db')
  })
})

describe('caGenerationSteps', () => {
  it('creates a CA certificate and key, then the certificate DB, owned by the squid user', () => {
    expect(caGenerationSteps('Corp Proxy Bump CA')).toEqual([
      "openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 825 -subj '/CN=Corp Proxy Bump CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' -keyout /etc/squid/bump-ca.key -out /etc/squid/bump-ca.crt",
      'chown proxy:proxy /etc/squid/bump-ca.key && chmod 600 /etc/squid/bump-ca.key',
      'test -d /var/spool/squid/ssl_db || /usr/lib/squid/security_file_certgen -c -s /var/spool/squid/ssl_db -M 4MB',
      'chown -R proxy:proxy /var/spool/squid/ssl_db'
    ])
    expect(
      caGenerationSteps('X', {
        caCert: '/s/ca.crt',
        caKey: '/s/ca.key',
        certDbDir: '/s/db',
        user: 'squid',
        days: 30
      })
    ).toEqual(
      expect.arrayContaining([expect.stringContaining('-days 30 '), 'chown -R squid:squid /s/db'])
    )
  })

  it('rejects a name that would break the shell or the subject', () => {
    for (const name of ['', 'a/b', "it's", 'a$(x)', 'a\nb'])
      expect(() => caGenerationSteps(name)).toThrow(/^squid: commonName: /)
  })
})

describe('mirrors squid (CLI)', () => {
  const config = parseMirrorConfig(
    [
      'mirrors:',
      '  pypi: https://nexus.corp.example/repository/pypi/simple',
      '  npm: https://nexus.corp.example:8443/repository/npm/',
      '  go: http://goproxy.corp.example:8081/',
      '  apt: https://apt.corp.example/debian',
      '  containers: { docker.io: [registry-cache.corp.example:5000] }',
      'proxy: { http: http://squid.corp.example:3129, https: http://squid.corp.example:3129 }',
      'ca:',
      '  pem: |',
      '    -----BEGIN CERTIFICATE-----',
      '    MIIBcorp',
      '    -----END CERTIFICATE-----',
      ''
    ].join('\n')
  )

  it('takes bump hosts, CONNECT ports and the port from the config', () => {
    expect(mirrorHosts(config)).toEqual([
      'apt.corp.example',
      'nexus.corp.example',
      'registry-cache.corp.example'
    ])
    expect(mirrorPorts(config)).toEqual([5000, 8081, 8443])
    const options = squidOptionsFor(config, {})
    expect(options.port).toBe(3129)
    expect(options.bumpHosts).toEqual(mirrorHosts(config))
    expect(options.upstreamCaFile).toBe('/etc/squid/runnerkit-upstream-ca.pem')
  })

  it('flags win; without mirrors the public package hosts are bumped', () => {
    const options = squidOptionsFor(config, {
      port: 3000,
      bumpHosts: ['pypi.org'],
      extraSslPorts: [9000]
    })
    expect([options.port, options.bumpHosts, options.extraSslPorts]).toEqual([
      3000,
      ['pypi.org'],
      [5000, 8081, 8443, 9000]
    ])
    expect(squidOptionsFor(undefined, {}).bumpHosts).toEqual(
      expect.arrayContaining(['pypi.org', 'files.pythonhosted.org', 'registry.npmjs.org'])
    )
  })

  it('writes squid.conf, README.txt and upstream-ca.pem atomically into --out and lists them', async () => {
    const out = join(scratchDir('squid-cli'), 'nested')
    const written = await renderSquidFiles(config, { out })
    expect(written.map((path) => path.slice(out.length + 1))).toEqual([
      'squid.conf',
      'README.txt',
      'upstream-ca.pem'
    ])
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'squid.conf', 'upstream-ca.pem'])
    const text = readFileSync(join(out, 'squid.conf'), 'utf8')
    expect(text).toContain('acl SSL_ports port 443 5000 8081 8443')
    expect(text).toContain('tls_outgoing_options cafile=/etc/squid/runnerkit-upstream-ca.pem')
    expect(readFileSync(join(out, 'upstream-ca.pem'), 'utf8')).toContain('MIIBcorp')
  })

  it('names the flag in errors', async () => {
    const out = scratchDir('squid-cli')
    await expect(renderSquidFiles(config, { out, allowedNetworks: ['pods'] })).rejects.toThrow(
      /^--allow: 'pods' is not a CIDR/
    )
    await expect(renderSquidFiles(config, { out, caKey: 'bump.key' })).rejects.toThrow(
      /^--ca-key: expected an absolute path/
    )
  })

  it('the subcommand parses repeatable and comma-separated flags', async () => {
    const out = scratchDir('squid-cli')
    let stdout = ''
    const code = await squidSubcommand(
      [
        '--out',
        out,
        '--bump-host',
        'pypi.org,files.pythonhosted.org',
        '--bump-host',
        'registry.npmjs.org',
        '--allow',
        '10.0.0.0/8',
        '--ssl-port',
        '8081',
        '--port',
        '3130'
      ],
      { env: {}, cwd: '/', stdout: (text) => void (stdout += text), stderr: () => undefined }
    )
    expect(code).toBe(0)
    expect(stdout).toBe(`${join(out, 'squid.conf')}\n${join(out, 'README.txt')}\n`)
    const text = readFileSync(join(out, 'squid.conf'), 'utf8')
    expect(text).toContain(
      'acl bump_hosts ssl::server_name pypi.org files.pythonhosted.org registry.npmjs.org'
    )
    expect(text).toMatch(/^http_port 3130 /m)
    await expect(
      squidSubcommand(['--out', out, '--port', 'x'], {
        env: {},
        cwd: '/',
        stdout: () => undefined,
        stderr: () => undefined
      })
    ).rejects.toThrow(/^--port: expected a number/)
  })
})
