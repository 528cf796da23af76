import { describe, expect, it } from '@jest/globals'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { gradleEcosystem, mergeProperties } from '../../../src/mirrors/ecosystems/gradle.js'

const job: Target = { mode: 'job', home: '/home/runner', env: { MU: 'u', MP: 'p' } }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(`
mirrors: { maven: https://nexus.corp.example/maven/ }
proxy: { https: http://squid.corp.example:3128, no_proxy: [.corp.example] }
credentials: { maven: { username: MU, password: MP } }
`)

describe('gradle', () => {
  it.each([
    ['job', job, '/home/runner/.gradle'],
    ['job with GRADLE_USER_HOME', { ...job, env: { ...job.env, GRADLE_USER_HOME: '/g' } }, '/g'],
    ['image', image, '/home/runner/.gradle']
  ])('%s: init script and gradle.properties', (_mode, target, home) => {
    const plan = gradleEcosystem.plan(config, target)!
    expect(plan.files.map((file) => file.path)).toEqual([
      `${home}/init.d/runnerkit-mirror.init.gradle`,
      `${home}/gradle.properties`
    ])
    const script = plan.files[0]!.render(undefined)
    expect(script).toContain("def runnerkitMirror = 'https://nexus.corp.example/maven/'")
    expect(script).toContain("username = System.getenv('MU')")
    expect(script).not.toMatch(/= 'u'|= 'p'/)
    expect(script).toContain('FAIL_ON_PROJECT_REPOS')
    expect(script).toContain('beforeSettings')
  })

  it('merges the JVM proxy into gradle.properties, keeping other lines', () => {
    const file = gradleEcosystem.plan(config, job)!.files[1]!
    const once = file.render('# mine\norg.gradle.jvmargs=-Xmx2g\nsystemProp.https.proxyHost=old\n')
    expect(once).toBe(
      '# mine\norg.gradle.jvmargs=-Xmx2g\nsystemProp.https.proxyHost=squid.corp.example\nsystemProp.https.proxyPort=3128\n'
    )
    expect(file.render(once)).toBe(once)
    expect(mergeProperties(undefined, [['systemProp.http.nonProxyHosts', '*.a|b']])).toBe(
      'systemProp.http.nonProxyHosts=*.a|b\n'
    )
  })

  it('uses the gradle mirror when given, and nothing without a mirror', () => {
    const own = parseMirrorConfig(
      'mirrors: { maven: https://m.example/, gradle: https://g.example/ }\n'
    )
    expect(gradleEcosystem.plan(own, job)!.files[0]!.render(undefined)).toContain(
      "'https://g.example/'"
    )
    expect(
      gradleEcosystem.plan(parseMirrorConfig('mirrors: { go: https://g.example/ }\n'), job)
    ).toBeUndefined()
  })
})
