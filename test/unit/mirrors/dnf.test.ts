import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { dnfConfPath, dnfEcosystem, dnfRepoPath } from '../../../src/mirrors/ecosystems/dnf.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }

function config(extra: Partial<MirrorConfig> = {}): MirrorConfig {
  return {
    mirrors: {
      dnf: [
        {
          id: 'corp-baseos',
          baseurl: 'https://nexus.corp.example/repository/ubi9-baseos/$basearch/os/',
          gpgkey: 'file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release'
        },
        { id: 'corp-appstream', baseurl: 'https://nexus.corp.example/repository/ubi9-appstream/' }
      ]
    },
    credentials: {},
    ...extra
  }
}

/** /etc/dnf/dnf.conf as fedora:40 ships it. */
const fedoraDnfConf = `# see \`man dnf.conf\` for defaults and possible options

[main]
gpgcheck=True
installonly_limit=3
clean_requirements_on_remove=True
best=False
skip_if_unavailable=True
`

describe('dnfEcosystem', () => {
  it('plans nothing without mirrors.dnf', () => {
    expect(dnfEcosystem.plan({ mirrors: {}, credentials: {} }, image)).toBeUndefined()
  })

  it('writes nothing in job mode and says why', () => {
    const plan = dnfEcosystem.plan(config(), job)!
    expect(plan.files).toEqual([])
    expect(plan.notes.join('\n')).toMatch(/dnf needs root/)
  })

  it('writes the mirror repositories, gpgcheck on, and says how to use them alone', () => {
    const plan = dnfEcosystem.plan(config(), image)!
    expect(plan.files.map((file) => file.path)).toEqual([dnfRepoPath])
    expect(plan.files[0]!.render(undefined))
      .toBe(`# runnerkit mirror-config: mirror repositories. The base image’s own .repo files are not
# changed; dnf --disablerepo=* --enablerepo=<these ids> uses the mirror only.

[corp-baseos]
name=corp-baseos (runnerkit mirror)
baseurl=https://nexus.corp.example/repository/ubi9-baseos/$basearch/os/
enabled=1
gpgcheck=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release

[corp-appstream]
name=corp-appstream (runnerkit mirror)
baseurl=https://nexus.corp.example/repository/ubi9-appstream/
enabled=1
gpgcheck=1
`)
    expect(plan.notes.join('\n')).toContain(
      "--disablerepo='*' --enablerepo=corp-baseos,corp-appstream"
    )
  })

  it('merges the proxy into the base dnf.conf only when it exists, keeping its settings', () => {
    const cfg = config({
      proxy: { https: 'http://squid.corp.example:3128', noProxy: ['.corp.example'] }
    })
    const plan = dnfEcosystem.plan(cfg, image)!
    const conf = plan.files.find((file) => file.path === dnfConfPath)!
    expect(conf.ifExists).toBe(true)
    const once = conf.render(fedoraDnfConf)
    expect(once).toBe(
      fedoraDnfConf.replace(
        'skip_if_unavailable=True\n',
        'skip_if_unavailable=True\nproxy = http://squid.corp.example:3128\n'
      )
    )
    expect(conf.render(once)).toBe(once)
    expect(conf.render('[main]\nproxy=http://old:3128\ngpgcheck=1\n')).toBe(
      '[main]\nproxy = http://squid.corp.example:3128\ngpgcheck=1\n'
    )
    // the mirror is inside no_proxy: its repos bypass the proxy
    const repo = plan.files.find((file) => file.path === dnfRepoPath)!.render(undefined)
    expect(repo.match(/^proxy=$/gm)).toHaveLength(2)
  })

  it('puts credentials in the .repo file, which becomes a secret', () => {
    const cfg = config({ credentials: { dnf: { username: 'U', password: 'P' } } })
    const plan = dnfEcosystem.plan(cfg, { ...image, env: { U: 'ci', P: 'pw' } })!
    const repo = plan.files[0]!
    expect(repo.secret).toBe(true)
    expect(repo.mode).toBe(0o600)
    expect(repo.render(undefined)).toContain('username=ci\npassword=pw\n')
    expect(plan.secrets).toEqual(['pw'])
  })
})
