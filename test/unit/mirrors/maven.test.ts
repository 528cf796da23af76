import { describe, expect, it } from '@jest/globals'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { CredentialMissingError } from '../../../src/mirrors/ecosystem.js'
import {
  javaNonProxyHosts,
  mavenEcosystem,
  mergeMavenSettings,
  mergeShellBlock
} from '../../../src/mirrors/ecosystems/maven.js'

const job: Target = { mode: 'job', home: '/home/runner', env: { MVN_U: 'ci', MVN_P: 's3cret' } }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(`
mirrors: { maven: https://nexus.corp.example/repository/maven-public/ }
proxy: { http: http://squid.corp.example:3128, https: http://squid.corp.example:3128, no_proxy: [localhost, .corp.example, 10.0.0.0/8] }
credentials: { maven: { username: MVN_U, password: MVN_P } }
`)

const userSettings = `<?xml version="1.0" encoding="UTF-8"?>
<settings>
    <!-- <mirrors><mirror><id>commented</id></mirror></mirrors> -->
    <localRepository>/cache/m2</localRepository>
    <mirrors>
        <mirror>
            <id>other</id>
            <mirrorOf>internal-repo</mirrorOf>
            <url>https://other.example/repo</url>
        </mirror>
    </mirrors>
    <servers>
        <server><id>github</id><username>\${env.GITHUB_ACTOR}</username></server>
    </servers>
</settings>
`

describe('maven', () => {
  it.each([
    ['job', job, '/home/runner/.m2/runnerkit-settings.xml', '/home/runner/.mavenrc'],
    ['image', image, '/etc/runnerkit/maven-settings.xml', '/etc/mavenrc']
  ])(
    '%s mode: a global settings file and the rc file that passes -gs',
    (_mode, target, settings, rc) => {
      const plan = mavenEcosystem.plan(config, target)!
      expect(plan.files.map((file) => file.path)).toEqual([settings, rc])
      expect(plan.files.some((file) => file.secret === true)).toBe(false)
      const rcText = plan.files[1]!.render(undefined)
      expect(rcText).toContain(`set -- -gs '${settings}' "$@"`)
      const xml = plan.files[0]!.render(undefined)
      expect(xml).toContain('<mirrorOf>*</mirrorOf>')
      expect(xml).toContain('<url>https://nexus.corp.example/repository/maven-public/</url>')
      expect(xml).toContain('<password>${env.MVN_P}</password>')
      expect(xml).not.toContain('s3cret')
      expect(xml).toContain('<nonProxyHosts>localhost|*.corp.example</nonProxyHosts>')
      expect(xml).toContain('<id>runnerkit-https</id>')
    }
  )

  it('job mode masks the credential and fails when its variable is unset', () => {
    expect(mavenEcosystem.plan(config, job)!.secrets).toEqual(['s3cret'])
    expect(() => mavenEcosystem.plan(config, { ...job, env: {} })).toThrow(CredentialMissingError)
    expect(mavenEcosystem.plan(config, image)!.secrets).toEqual([])
  })

  it('merges into a settings.xml with other mirrors, servers and a commented-out example', () => {
    const settings = {
      mirror: 'https://m.example/maven/',
      proxies: [],
      server: { username: 'U', password: 'P' }
    }
    const once = mergeMavenSettings(userSettings, settings)
    expect(once).toContain('<id>other</id>')
    expect(once).toContain('<localRepository>/cache/m2</localRepository>')
    expect(once).toContain('<!-- <mirrors><mirror><id>commented</id></mirror></mirrors> -->')
    expect(once).toContain(
      '        </mirror>\n        <mirror>\n            <id>runnerkit</id>\n            <name>runnerkit mirror-config</name>'
    )
    expect(once).toContain('<server><id>github</id>')
    expect(once).toContain('<username>${env.U}</username>')
    expect(mergeMavenSettings(once, settings)).toBe(once)
    // A changed URL replaces our entry in place.
    const moved = mergeMavenSettings(once, { ...settings, mirror: 'https://n.example/' })
    expect(moved).not.toContain('https://m.example/maven/')
    expect(moved.match(/<id>runnerkit<\/id>/g)).toHaveLength(2)
  })

  it('creates missing containers and expands a self-closing one', () => {
    const text = mergeMavenSettings('<settings>\n  <proxies/>\n</settings>\n', {
      mirror: 'https://m.example/',
      proxies: [{ protocol: 'https', host: 'p.example', port: 3128, nonProxyHosts: '' }]
    })
    expect(text).toBe(
      [
        '<settings>',
        '  <proxies>',
        '    <proxy>',
        '      <id>runnerkit-https</id>',
        '      <active>true</active>',
        '      <protocol>https</protocol>',
        '      <host>p.example</host>',
        '      <port>3128</port>',
        '    </proxy>',
        '  </proxies>',
        '  <mirrors>',
        '    <mirror>',
        '      <id>runnerkit</id>',
        '      <name>runnerkit mirror-config</name>',
        '      <mirrorOf>*</mirrorOf>',
        '      <url>https://m.example/</url>',
        '    </mirror>',
        '  </mirrors>',
        '</settings>',
        ''
      ].join('\n')
    )
  })

  it('merges into the stock settings.xml, whose <mirrors> holds only comments', () => {
    const stock =
      '<settings>\n  <mirrors>\n    <!-- <mirror><id>mirrorId</id></mirror> -->\n  </mirrors>\n</settings>\n'
    const text = mergeMavenSettings(stock, { mirror: 'https://m.example/', proxies: [] })
    expect(text).toContain('-->\n    <mirror>\n      <id>runnerkit</id>')
    expect(text).toContain('<id>mirrorId</id>')
    expect(mergeMavenSettings(text, { mirror: 'https://m.example/', proxies: [] })).toBe(text)
  })

  it('keeps the rc file and replaces its own block only', () => {
    const once = mergeShellBlock('MAVEN_OPTS="-Xmx1g"\n', ['set -- -gs a "$@"'])
    expect(once.startsWith('MAVEN_OPTS="-Xmx1g"\n\n# >>> runnerkit')).toBe(true)
    expect(mergeShellBlock(once, ['set -- -gs a "$@"'])).toBe(once)
    expect(mergeShellBlock(once, ['set -- -gs b "$@"'])).toContain('-gs b')
    expect(mergeShellBlock(once, ['set -- -gs b "$@"'])).not.toContain('-gs a')
  })

  it('turns no_proxy into nonProxyHosts without CIDR', () => {
    expect(javaNonProxyHosts(['localhost', '.corp.example', '10.0.0.0/8', '127.0.0.1'])).toBe(
      'localhost|*.corp.example|127.0.0.1'
    )
  })

  it('does nothing without a Maven mirror', () => {
    expect(
      mavenEcosystem.plan(parseMirrorConfig('mirrors: { go: https://g.example/ }\n'), job)
    ).toBeUndefined()
  })
})
