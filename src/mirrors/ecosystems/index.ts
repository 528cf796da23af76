/** Every ecosystem mirror-config knows, one file each, in the order plans are applied. */
import { apkEcosystem } from './apk.js'
import { aptEcosystem } from './apt.js'
import { buildkitEcosystem } from './buildkit.js'
import { cargoEcosystem } from './cargo.js'
import { condaEcosystem } from './conda.js'
import { containerdEcosystem } from './containerd.js'
import { containersEcosystem } from './containers.js'
import { dnfEcosystem } from './dnf.js'
import { dockerDaemonEcosystem } from './docker-daemon.js'
import { gitEcosystem } from './git.js'
import { goEcosystem } from './go.js'
import { gradleEcosystem } from './gradle.js'
import { helmEcosystem } from './helm.js'
import { mavenEcosystem } from './maven.js'
import { npmEcosystem } from './npm.js'
import { nugetEcosystem } from './nuget.js'
import { pipEcosystem } from './pip.js'
import { pnpmEcosystem } from './pnpm.js'
import { rubygemsEcosystem } from './rubygems.js'
import { uvEcosystem } from './uv.js'
import { yarnBerryEcosystem } from './yarn-berry.js'
import { yarnClassicEcosystem } from './yarn-classic.js'
import type { Ecosystem } from '../ecosystem.js'

export const ecosystems: readonly Ecosystem[] = [
  pipEcosystem,
  uvEcosystem,
  npmEcosystem,
  yarnClassicEcosystem,
  yarnBerryEcosystem,
  pnpmEcosystem,
  aptEcosystem,
  dnfEcosystem,
  apkEcosystem,
  containersEcosystem,
  dockerDaemonEcosystem,
  buildkitEcosystem,
  containerdEcosystem,
  goEcosystem,
  mavenEcosystem,
  gradleEcosystem,
  cargoEcosystem,
  nugetEcosystem,
  rubygemsEcosystem,
  condaEcosystem,
  gitEcosystem,
  helmEcosystem
]
