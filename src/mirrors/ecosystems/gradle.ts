/**
 * Gradle. An init script in $GRADLE_USER_HOME/init.d (mirrors.md §1.2) replaces every Maven
 * repository of the build — plugin repositories, the settings' central declaration, buildscript
 * and project repositories — with the mirror; local file: repositories stay. Builds that use
 * RepositoriesMode.FAIL_ON_PROJECT_REPOS get the mirror in the settings only (adding a project
 * repository would fail them). Credentials are read from the environment by name when Gradle
 * runs (System.getenv), so the script holds no secret.
 *
 * Java ignores the proxy environment variables: gradle.properties in $GRADLE_USER_HOME gets
 * systemProp.http(s).proxyHost/proxyPort/nonProxyHosts, merged key by key with what is there.
 * image mode writes the same files under the image user's ~/.gradle (a distribution's own
 * init.d is replaced by every wrapper download).
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { javaProxies } from './maven.js'

export function gradleUserHome(target: Target): string {
  const fromEnv = target.mode === 'job' ? target.env.GRADLE_USER_HOME : undefined
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(target.home, '.gradle')
}

function groovyString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
}

export function gradleInitScript(
  mirror: string,
  credentials?: { username: string; password: string }
): string {
  const credentialLines =
    credentials === undefined
      ? []
      : [
          `        credentials {`,
          `            username = System.getenv(${groovyString(credentials.username)})`,
          `            password = System.getenv(${groovyString(credentials.password)})`,
          `        }`
        ]
  return [
    '// Written by runnerkit mirror-config: every Maven repository goes to the mirror.',
    `def runnerkitMirror = ${groovyString(mirror)}`,
    'def runnerkitRepositories = { RepositoryHandler repos ->',
    '    repos.all { ArtifactRepository repo ->',
    "        if (repo instanceof MavenArtifactRepository && repo.name != 'runnerkit' && repo.url.scheme in ['http', 'https']) {",
    '            repos.remove(repo)',
    '        }',
    '    }',
    "    if (repos.findByName('runnerkit') == null) {",
    '        repos.maven {',
    "            name = 'runnerkit'",
    '            url = runnerkitMirror',
    ...credentialLines,
    '        }',
    '    }',
    '}',
    'def runnerkitFailOnProjectRepos = false',
    'beforeSettings { settings ->',
    '    runnerkitRepositories(settings.pluginManagement.repositories)',
    '    try {',
    '        runnerkitRepositories(settings.dependencyResolutionManagement.repositories)',
    '    } catch (MissingPropertyException ignored) {',
    '        // Gradle < 6.8 has no central repository declaration.',
    '    }',
    '}',
    'settingsEvaluated { settings ->',
    '    try {',
    "        runnerkitFailOnProjectRepos = settings.dependencyResolutionManagement.repositoriesMode.get().toString() == 'FAIL_ON_PROJECT_REPOS'",
    '    } catch (MissingPropertyException ignored) {',
    '    }',
    '}',
    'allprojects { project ->',
    '    runnerkitRepositories(project.buildscript.repositories)',
    '    if (!runnerkitFailOnProjectRepos) {',
    '        runnerkitRepositories(project.repositories)',
    '    }',
    '}',
    ''
  ].join('\n')
}

/** Sets `key=value` lines in a .properties file; other lines and comments are kept. */
export function mergeProperties(
  existing: string | undefined,
  values: Array<[string, string]>
): string {
  const lines = (existing ?? '').split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const [key, value] of values) {
    const at = lines.findIndex((line) => {
      const match = /^\s*([^#!\s=:][^=:\s]*)\s*[=:\s]/.exec(line)
      return match?.[1] === key
    })
    const line = `${key}=${value.replaceAll('\\', '\\\\')}`
    if (at === -1) lines.push(line)
    else lines[at] = line
  }
  return `${lines.join('\n')}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const mirror = config.mirrors.gradle ?? config.mirrors.maven
  const proxies = javaProxies(config.proxy)
  if (mirror === undefined) return undefined
  const plan = emptyPlan('gradle')
  const home = gradleUserHome(target)
  const reference =
    config.credentials.gradle ??
    (config.mirrors.gradle === undefined ? config.credentials.maven : undefined)
  let credentials: { username: string; password: string } | undefined
  if (reference?.username !== undefined && reference.password !== undefined) {
    credentials = { username: reference.username, password: reference.password }
    if (target.mode === 'job') {
      credentialValue(target, 'gradle', 'username', reference.username)
      plan.secrets.push(credentialValue(target, 'gradle', 'password', reference.password)!)
    }
    plan.notes.push(
      `gradle: the init script reads ${reference.username} and ${reference.password} from the environment of the steps that run Gradle`
    )
  }
  plan.files.push({
    path: join(home, 'init.d', 'runnerkit-mirror.init.gradle'),
    render: () => gradleInitScript(mirror, credentials),
    description: 'Gradle init script (repositories → mirror)'
  })
  if (proxies.length > 0) {
    const values: Array<[string, string]> = []
    for (const proxy of proxies) {
      values.push(
        [`systemProp.${proxy.protocol}.proxyHost`, proxy.host],
        [`systemProp.${proxy.protocol}.proxyPort`, String(proxy.port)]
      )
      if (proxy.nonProxyHosts !== '' && proxy.protocol === 'http')
        values.push(['systemProp.http.nonProxyHosts', proxy.nonProxyHosts])
    }
    plan.files.push({
      path: join(home, 'gradle.properties'),
      render: (existing) => mergeProperties(existing, values),
      description: 'Gradle user properties (JVM proxy)'
    })
  }
  plan.notes.push(
    "gradle: the wrapper's own download (distributionUrl) ignores repository mirrors; it needs the proxy or a rewritten URL"
  )
  if (target.mode === 'image')
    plan.notes.push(`gradle: the files go under ${home}: the image's user must own them`)
  return plan
}

export const gradleEcosystem: Ecosystem = { name: 'gradle', plan }
