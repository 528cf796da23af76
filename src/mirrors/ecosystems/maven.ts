/**
 * Maven. The mirror, the proxies (Java ignores the proxy environment variables) and the
 * mirror's server entry go into a **global** settings file of ours, so that actions/setup-java,
 * which overwrites ~/.m2/settings.xml with its own <servers> by default, cannot wipe them:
 * Maven merges global and user settings (user entries win on an id clash).
 *
 * Maven is told about the file with `-gs FILE`, injected by the rc file every `mvn` script
 * sources before it starts Java (~/.mavenrc in job mode, /etc/mavenrc in image mode) — the same
 * for Maven 3.8 (Debian 12's 3.8.7 ignores MAVEN_ARGS) and 3.9+, for Maven wherever it is
 * installed (setup-maven, a tarball, the Maven wrapper's download), and without touching the
 * distribution's own files. The rc line adds -gs only when the command line has none, so
 * sourcing it twice (mvnw, then mvn) or an explicit -gs is fine. Measured with mvn 3.8.7:
 * "Reading global settings from <our file>". MAVEN_SKIP_RC=1 turns it off.
 *
 * Credentials are ${env.VAR} placeholders Maven resolves at run time: the variables must be in
 * the environment of the steps that run mvn (as setup-java's own settings.xml requires).
 */
import { join } from 'node:path'
import type { MirrorConfig, ProxyConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { childWithText, escapeXml, upsertXmlEntry } from '../formats/xml-merge.js'

export const mavenMirrorId = 'runnerkit'

export interface JavaProxy {
  /** The protocol of the requests it carries (http or https targets). */
  protocol: 'http' | 'https'
  host: string
  port: number
  nonProxyHosts: string
}

/** no_proxy entries as Java's http.nonProxyHosts: `.corp.example` → `*.corp.example`, no CIDR. */
export function javaNonProxyHosts(noProxy: readonly string[]): string {
  return noProxy
    .filter((entry) => !/\/\d+$/.test(entry))
    .map((entry) => (entry.startsWith('.') ? `*${entry}` : entry))
    .join('|')
}

export function javaProxies(proxy: ProxyConfig | undefined): JavaProxy[] {
  if (proxy === undefined) return []
  const out: JavaProxy[] = []
  for (const protocol of ['http', 'https'] as const) {
    const url = proxy[protocol]
    if (url === undefined) continue
    const parsed = new URL(url)
    out.push({
      protocol,
      host: parsed.hostname,
      port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)),
      nonProxyHosts: javaNonProxyHosts(proxy.noProxy)
    })
  }
  return out
}

export interface MavenSettings {
  mirror?: string
  proxies: JavaProxy[]
  /** Names of the environment variables, written as ${env.NAME}. */
  server?: { username: string; password: string }
}

const emptySettings = `<?xml version="1.0" encoding="UTF-8"?>
<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 https://maven.apache.org/xsd/settings-1.2.0.xsd">
</settings>
`

/** Inserts or replaces our <mirror>, <proxy> and <server> entries; everything else is kept. */
export function mergeMavenSettings(existing: string | undefined, settings: MavenSettings): string {
  let text = existing === undefined || existing.trim() === '' ? emptySettings : existing
  const what = 'Maven settings.xml'
  const byId = (container: string, child: string, id: string) => ({
    root: 'settings',
    container: [container],
    find: (source: string, element: Parameters<typeof childWithText>[1]) =>
      childWithText(source, element, child, 'id', id),
    what
  })
  for (const proxy of settings.proxies) {
    const id = `${mavenMirrorId}-${proxy.protocol}`
    text = upsertXmlEntry(text, {
      ...byId('proxies', 'proxy', id),
      entry: [
        '<proxy>',
        `  <id>${id}</id>`,
        '  <active>true</active>',
        `  <protocol>${proxy.protocol}</protocol>`,
        `  <host>${escapeXml(proxy.host)}</host>`,
        `  <port>${proxy.port}</port>`,
        ...(proxy.nonProxyHosts !== ''
          ? [`  <nonProxyHosts>${escapeXml(proxy.nonProxyHosts)}</nonProxyHosts>`]
          : []),
        '</proxy>'
      ].join('\n')
    })
  }
  if (settings.server !== undefined) {
    text = upsertXmlEntry(text, {
      ...byId('servers', 'server', mavenMirrorId),
      entry: [
        '<server>',
        `  <id>${mavenMirrorId}</id>`,
        `  <username>\${env.${settings.server.username}}</username>`,
        `  <password>\${env.${settings.server.password}}</password>`,
        '</server>'
      ].join('\n')
    })
  }
  if (settings.mirror !== undefined) {
    text = upsertXmlEntry(text, {
      ...byId('mirrors', 'mirror', mavenMirrorId),
      entry: [
        '<mirror>',
        `  <id>${mavenMirrorId}</id>`,
        '  <name>runnerkit mirror-config</name>',
        '  <mirrorOf>*</mirrorOf>',
        `  <url>${escapeXml(settings.mirror)}</url>`,
        '</mirror>'
      ].join('\n')
    })
  }
  return text
}

const begin = '# >>> runnerkit mirror-config >>>'
const end = '# <<< runnerkit mirror-config <<<'

/** Replaces our marked block in a shell rc file, or appends it; other lines are kept. */
export function mergeShellBlock(existing: string | undefined, body: string[]): string {
  const block = [begin, ...body, end].join('\n')
  const text = existing ?? ''
  const from = text.indexOf(begin)
  const to = text.indexOf(end, from)
  if (from !== -1 && to !== -1) return text.slice(0, from) + block + text.slice(to + end.length)
  const kept = text.replace(/\n*$/, '')
  return `${kept === '' ? '' : `${kept}\n\n`}${block}\n`
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}

/** The rc lines that put `-gs FILE` in front of mvn's arguments unless it has one. */
export function mavenrcLines(settingsFile: string): string[] {
  return [
    '# Global settings (mirror, proxies) that setup-java cannot overwrite; MAVEN_SKIP_RC=1 skips them.',
    `case " $* " in *" -gs "* | *" --global-settings "*) ;; *) set -- -gs ${shellQuote(settingsFile)} "$@" ;; esac`
  ]
}

export function mavenPaths(target: Target): { settings: string; rc: string } {
  return target.mode === 'job'
    ? {
        settings: join(target.home, '.m2', 'runnerkit-settings.xml'),
        rc: join(target.home, '.mavenrc')
      }
    : { settings: '/etc/runnerkit/maven-settings.xml', rc: '/etc/mavenrc' }
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const mirror = config.mirrors.maven
  if (mirror === undefined) return undefined
  const plan = emptyPlan('maven')
  const credentials = config.credentials.maven
  let server: MavenSettings['server']
  if (credentials?.username !== undefined && credentials.password !== undefined) {
    server = { username: credentials.username, password: credentials.password }
    if (target.mode === 'job') {
      credentialValue(target, 'maven', 'username', credentials.username)
      plan.secrets.push(credentialValue(target, 'maven', 'password', credentials.password)!)
    }
    plan.notes.push(
      `maven: the mirror's credentials are \${env.${credentials.username}} / \${env.${credentials.password}} placeholders: give those variables to the steps that run mvn`
    )
  }
  const settings: MavenSettings = { mirror, proxies: javaProxies(config.proxy), server }
  const paths = mavenPaths(target)
  plan.files.push(
    {
      path: paths.settings,
      render: (existing) => mergeMavenSettings(existing, settings),
      description: 'Maven global settings (mirror, proxies, server)'
    },
    {
      path: paths.rc,
      render: (existing) => mergeShellBlock(existing, mavenrcLines(paths.settings)),
      description: `${target.mode === 'job' ? '~/.mavenrc' : '/etc/mavenrc'} (mvn -gs)`
    }
  )
  plan.notes.push(
    `maven: -gs ${paths.settings} replaces Maven's own conf/settings.xml (and the http:// repository blocker it declares); a mirror of * in ~/.m2/settings.xml would still come first`
  )
  if (config.ca !== undefined && target.mode === 'job') {
    plan.notes.push(
      'maven: Java ignores SSL_CERT_FILE: import the company CA into a copy of the JDK cacerts (keytool -importcert) and pass -Djavax.net.ssl.trustStore=… in MAVEN_OPTS'
    )
  }
  return plan
}

export const mavenEcosystem: Ecosystem = { name: 'maven', plan }
