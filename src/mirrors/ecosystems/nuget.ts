/**
 * NuGet (dotnet CLI). The user-level ~/.nuget/NuGet/NuGet.Config is where dotnet itself adds
 * nuget.org on first use, and it outranks the machine-wide files, so both modes edit it (image
 * mode: the image user's). The merge keeps every other setting: <clear/> first in
 * <packageSources> (drops sources from lower levels), our <add key="runnerkit">, and nuget.org
 * disabled in <disabledPackageSources> rather than removed. Credentials are %VAR% macros NuGet
 * expands when it runs, never the values.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { attribute, escapeXml, upsertXmlEntry, type XmlElement } from '../formats/xml-merge.js'

export const nugetSourceKey = 'runnerkit'

const emptyConfig = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
</configuration>
`

const byKey = (key: string) => (_text: string, container: XmlElement) =>
  container.children.find((child) => child.name === 'add' && attribute(child, 'key') === key)

export function mergeNugetConfig(
  existing: string | undefined,
  url: string,
  credentials?: { username: string; password: string }
): string {
  let text = existing === undefined || existing.trim() === '' ? emptyConfig : existing
  const what = 'NuGet.Config'
  text = upsertXmlEntry(text, {
    root: 'configuration',
    container: ['packageSources'],
    find: (_source, container) => container.children.find((child) => child.name === 'clear'),
    entry: '<clear />',
    first: true,
    what
  })
  text = upsertXmlEntry(text, {
    root: 'configuration',
    container: ['packageSources'],
    find: byKey(nugetSourceKey),
    entry: `<add key="${nugetSourceKey}" value="${escapeXml(url)}" protocolVersion="3" />`,
    what
  })
  text = upsertXmlEntry(text, {
    root: 'configuration',
    container: ['disabledPackageSources'],
    find: byKey('nuget.org'),
    entry: '<add key="nuget.org" value="true" />',
    what
  })
  if (credentials !== undefined) {
    text = upsertXmlEntry(text, {
      root: 'configuration',
      container: ['packageSourceCredentials'],
      find: (_source, container) =>
        container.children.find((child) => child.name === nugetSourceKey),
      entry: [
        `<${nugetSourceKey}>`,
        `  <add key="Username" value="%${credentials.username}%" />`,
        `  <add key="ClearTextPassword" value="%${credentials.password}%" />`,
        `</${nugetSourceKey}>`
      ].join('\n'),
      what
    })
  }
  return text
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const url = config.mirrors.nuget
  if (url === undefined) return undefined
  const plan = emptyPlan('nuget')
  const reference = config.credentials.nuget
  let credentials: { username: string; password: string } | undefined
  if (reference?.username !== undefined && reference.password !== undefined) {
    credentials = { username: reference.username, password: reference.password }
    if (target.mode === 'job') {
      credentialValue(target, 'nuget', 'username', reference.username)
      plan.secrets.push(credentialValue(target, 'nuget', 'password', reference.password)!)
    }
    plan.notes.push(
      `nuget: credentials are %${reference.username}% / %${reference.password}% macros: give those variables to the steps that run dotnet`
    )
  }
  plan.files.push({
    path: join(target.home, '.nuget', 'NuGet', 'NuGet.Config'),
    render: (existing) => mergeNugetConfig(existing, url, credentials),
    description: 'NuGet user config (package source → mirror)'
  })
  plan.notes.push(
    'nuget: a nuget.config in the repository can add nuget.org back (<clear/> only clears the levels below it)'
  )
  return plan
}

export const nugetEcosystem: Ecosystem = { name: 'nuget', plan }
