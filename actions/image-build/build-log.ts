/**
 * The build log as the runner shows it: one collapsed group per phase and per Dockerfile step,
 * each timed for the job summary. Engine output is untrusted (a RUN step can print anything), so
 * inside each group workflow commands are off, behind a stop-commands token nobody can guess.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'

export interface Timing {
  title: string
  ms: number
}

export class BuildLog {
  private open: { title: string; token: string; started: number } | undefined
  private readonly done: Timing[] = []

  constructor(private readonly now: () => number = () => performance.now()) {}

  phase(name: string): void {
    this.begin(name)
  }

  step(step: string, platform?: string): void {
    this.begin(platform !== undefined ? `[${platform}] ${step}` : step)
  }

  line(text: string): void {
    if (this.open === undefined) this.begin('prepare')
    core.info(text)
  }

  close(): void {
    if (this.open === undefined) return
    core.info(`::${this.open.token}::`)
    core.endGroup()
    this.done.push({ title: this.open.title, ms: this.now() - this.open.started })
    this.open = undefined
  }

  timings(): Timing[] {
    return [...this.done]
  }

  private begin(title: string): void {
    this.close()
    const token = `runnerkit-${randomUUID()}`
    core.startGroup(title)
    core.info(`::stop-commands::${token}`)
    this.open = { title, token, started: this.now() }
  }
}
