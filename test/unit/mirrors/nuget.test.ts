import { describe, expect, it } from '@jest/globals'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { nugetEcosystem } from '../../../src/mirrors/ecosystems/nuget.js'

const job: Target = { mode: 'job', home: '/home/runner', env: { NU: 'u', NP: 'secret' } }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(`
mirrors: { nuget: https://nexus.corp.example/nuget/index.json }
credentials: { nuget: { username: NU, password: NP } }
`)

const dotnetDefault = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="/cache/nuget" />
  </config>
</configuration>
`

describe('nuget', () => {
  it.each([
    ['job', job],
    ['image', image]
  ])('%s mode: the user NuGet.Config', (_mode, target) => {
    const plan = nugetEcosystem.plan(config, target)!
    expect(plan.files.map((file) => file.path)).toEqual(['/home/runner/.nuget/NuGet/NuGet.Config'])
    expect(plan.files[0]!.secret).toBeUndefined()
    expect(plan.secrets).toEqual(target.mode === 'job' ? ['secret'] : [])
  })

  it("merges into dotnet's default file: clear first, our source, nuget.org disabled, macros", () => {
    const file = nugetEcosystem.plan(config, job)!.files[0]!
    const once = file.render(dotnetDefault)
    expect(once).toBe(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
    <add key="runnerkit" value="https://nexus.corp.example/nuget/index.json" protocolVersion="3" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="/cache/nuget" />
  </config>
  <disabledPackageSources>
    <add key="nuget.org" value="true" />
  </disabledPackageSources>
  <packageSourceCredentials>
    <runnerkit>
      <add key="Username" value="%NU%" />
      <add key="ClearTextPassword" value="%NP%" />
    </runnerkit>
  </packageSourceCredentials>
</configuration>
`)
    expect(file.render(once)).toBe(once)
    expect(once).not.toContain('secret')
  })

  it('creates the file from nothing', () => {
    const file = nugetEcosystem.plan(
      parseMirrorConfig('mirrors: { nuget: https://n.example/v3/index.json }\n'),
      job
    )!.files[0]!
    const text = file.render(undefined)
    expect(text).toContain('<packageSources>\n    <clear />\n    <add key="runnerkit"')
    expect(file.render(text)).toBe(text)
  })
})
