/**
 * Realistic Dockerfiles, generated from a seed so benchmarks and fuzz runs are repeatable:
 * multi-stage builds with ARG/ENV/LABEL, package installs in long RUN chains, heredocs,
 * comments inside continuations, COPY --from, HEALTHCHECK, USER and the like.
 */

/** mulberry32: small, fast, and good enough to pick from lists. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const bases = [
  'debian:12-slim',
  'ubuntu:24.04',
  'alpine:3.20',
  'python:3.12-slim',
  'node:20-bookworm',
  'golang:1.23',
  'registry.example.com/base/runner:2.330.0',
  'fedora:40'
]
const aptPackages = [
  'curl',
  'ca-certificates',
  'git',
  'jq',
  'unzip',
  'gnupg',
  'sudo',
  'iptables',
  'uidmap',
  'fuse-overlayfs',
  'python3-pip',
  'build-essential'
]
const steps = [
  (pick: Pick) =>
    `apt-get update && apt-get install -y --no-install-recommends ${pick.some(aptPackages, 4).join(' ')} && rm -rf /var/lib/apt/lists/*`,
  (pick: Pick) => `apk add --no-cache ${pick.some(aptPackages, 3).join(' ')}`,
  (pick: Pick) =>
    `pip install --no-cache-dir ${pick.one(['requests==2.32.3', 'pyyaml', 'ansible-core==2.17.0', 'boto3'])}`,
  (pick: Pick) => `npm install -g ${pick.one(['pnpm@9.12.0', 'yarn', 'typescript@5.9.3'])}`,
  (pick: Pick) =>
    `curl -fsSL https://example.com/${pick.one(['tool', 'cli', 'helm'])}.tar.gz | tar -xz -C /usr/local/bin`,
  (pick: Pick) => `useradd -m -u ${pick.one(['1001', '1000', '12345678'])} -s /bin/bash runner`,
  (pick: Pick) =>
    `cd /tmp && wget -q https://example.com/${pick.one(['a', 'b'])}.deb && dpkg -i *.deb`,
  () => 'mkdir -p /home/runner/_work && chown -R runner:runner /home/runner',
  () => 'echo "runner ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/runner',
  () => 'groupadd docker && usermod -aG docker runner',
  () => 'if [ -f /etc/os-release ]; then . /etc/os-release; echo "$ID"; fi',
  () => 'for f in /opt/hooks/*.sh; do chmod +x "$f"; done',
  () =>
    'export PATH="/home/runner/.local/bin:$PATH" && ln -s /usr/bin/python3 /usr/local/bin/python',
  () => 'yum install -y git-2.43.0 && yum clean all'
]

interface Pick {
  one<T>(items: readonly T[]): T
  some<T>(items: readonly T[], most: number): T[]
  int(low: number, high: number): number
}

function picker(next: () => number): Pick {
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1))
  return {
    int,
    one: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    some: (items, most) => {
      const count = int(1, most)
      return Array.from(
        { length: count },
        () => items[int(0, items.length - 1)] as (typeof items)[number]
      )
    }
  }
}

function runInstruction(pick: Pick): string[] {
  const count = pick.int(1, 8)
  const commands = Array.from({ length: count }, () => pick.one(steps)(pick))
  const style = pick.int(0, 9)
  if (style === 0) return ['RUN <<EOF', 'set -eux', ...commands, 'EOF']
  if (style === 1) return ["RUN bash <<'SCRIPT'", 'set -euo pipefail', ...commands, 'SCRIPT']
  if (style === 2) return [`RUN --mount=type=cache,target=/var/cache/apt ${commands[0] ?? 'true'}`]
  const lines = commands.map(
    (command, index) =>
      `${index === 0 ? 'RUN ' : '    && '}${command}${index < count - 1 ? ' \\' : ''}`
  )
  if (count > 2 && pick.int(0, 3) === 0) lines.splice(1, 0, '    # keep the layer small')
  return lines
}

/** One Dockerfile of roughly `targetLines` lines (20–200). */
export function generateDockerfile(seed: number, targetLines?: number): string {
  const next = random(seed)
  const pick = picker(next)
  const wanted = targetLines ?? pick.int(20, 200)
  const lines: string[] = ['# syntax=docker/dockerfile:1', `ARG BASE=${pick.one(bases)}`]
  let stage = 0
  while (lines.length < wanted) {
    const name = `stage${stage}`
    lines.push(
      '',
      `FROM ${stage > 0 && pick.int(0, 3) === 0 ? `stage${stage - 1}` : pick.one(bases)} AS ${name}`
    )
    lines.push(
      `LABEL org.opencontainers.image.source="https://github.com/octo-org/runner-images" stage="${name}"`
    )
    lines.push(`ENV DEBIAN_FRONTEND=noninteractive RUNNER_VERSION=2.${pick.int(300, 330)}.0`)
    const body = pick.int(3, 12)
    for (let index = 0; index < body && lines.length < wanted; index++) {
      const kind = pick.int(0, 9)
      if (kind <= 4) lines.push(...runInstruction(pick))
      else if (kind === 5)
        lines.push(
          `COPY ${stage > 0 ? `--from=stage${stage - 1} ` : ''}--chown=runner:runner ./files/${pick.one(['entrypoint.sh', 'hooks/', 'config.yaml'])} /home/runner/`
        )
      else if (kind === 6) lines.push(`WORKDIR ${pick.one(['/home/runner', '/opt/app', 'app'])}`)
      else if (kind === 7) lines.push(`USER ${pick.one(['runner', '1001', 'root', '1001:1001'])}`)
      else if (kind === 8) lines.push(`# step ${index}: ${pick.one(['tools', 'users', 'cleanup'])}`)
      else lines.push(`EXPOSE ${pick.int(1, 65535)}`)
    }
    stage++
  }
  lines.push(
    'HEALTHCHECK --interval=30s CMD ["/usr/bin/test", "-f", "/tmp/healthy"]',
    'ENTRYPOINT ["/home/runner/entrypoint.sh"]',
    'CMD ["run"]',
    ''
  )
  return lines.join('\n')
}
