/**
 * A reverse proxy on 127.0.0.1 in front of a real registry that injects faults by a script:
 * each rule answers (or resets) the requests its predicate matches, a given number of times.
 * Everything else is forwarded unchanged (method, path, headers including Host, streamed body)
 * and the answer streamed back. It records every fault injected and every request forwarded.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ProxiedRequest {
  method: string
  path: string
  /** Whether the request carried an Authorization header (its value is never recorded). */
  authorized: boolean
}

export type Fault =
  /** Answer with this status (and headers/body), the request's body drained and dropped. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Destroy the connection without an answer (the client sees ECONNRESET). */
  | 'reset'

export interface FaultRule {
  /** Which requests the rule applies to; every request when omitted. */
  match?: (request: ProxiedRequest) => boolean
  fault: Fault
  /** How many matching requests get the fault; Infinity for a permanent fault. */
  times: number
}

export interface InjectedFault extends ProxiedRequest {
  fault: string
}

export interface ForwardedRequest extends ProxiedRequest {
  status: number
}

export interface FaultyProxy {
  /** `127.0.0.1:PORT`, as an image reference's registry part. */
  host: string
  injected: InjectedFault[]
  forwarded: ForwardedRequest[]
  /** Replaces the fault script (the records are kept). */
  script(rules: readonly FaultRule[]): void
  close(): Promise<void>
}

function describeFault(fault: Fault): string {
  return fault === 'reset' ? 'reset' : `HTTP ${fault.status}`
}

/** `target` is the registry's `127.0.0.1:PORT`. */
export async function startFaultyProxy(
  target: string,
  rules: readonly FaultRule[] = []
): Promise<FaultyProxy> {
  const [targetHost = '127.0.0.1', targetPort = '80'] = target.split(':')
  let script = rules.map((rule) => ({ ...rule, left: rule.times }))
  const injected: InjectedFault[] = []
  const forwarded: ForwardedRequest[] = []

  const forward = (request: IncomingMessage, response: ServerResponse, seen: ProxiedRequest) => {
    const upstream = httpRequest(
      {
        host: targetHost,
        port: Number(targetPort),
        method: request.method,
        path: request.url,
        headers: request.headers,
        // A fresh connection each time: an idle upstream connection closed by the registry
        // would otherwise surface as an extra, unscripted failure.
        agent: false
      },
      (answer) => {
        forwarded.push({ ...seen, status: answer.statusCode ?? 0 })
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', () => response.destroy())
    request.pipe(upstream)
  }

  const server: Server = createServer((request, response) => {
    const seen: ProxiedRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      authorized: request.headers.authorization !== undefined
    }
    const rule = script.find((candidate) => candidate.left > 0 && (candidate.match?.(seen) ?? true))
    if (rule === undefined) {
      forward(request, response, seen)
      return
    }
    rule.left--
    injected.push({ ...seen, fault: describeFault(rule.fault) })
    const fault = rule.fault
    if (fault === 'reset') {
      request.socket.destroy()
      return
    }
    // Drain the body first so the kept-alive connection stays usable for the retry.
    request.resume()
    request.on('end', () => {
      const body = fault.body ?? ''
      response.writeHead(fault.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...fault.headers
      })
      response.end(body)
    })
  })
  // Longer than any test: the client must not meet a connection the proxy closed while idle.
  server.keepAliveTimeout = 600_000
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))

  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    injected,
    forwarded,
    script(next) {
      script = next.map((rule) => ({ ...rule, left: rule.times }))
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((closed) => server.close(() => closed()))
    }
  }
}
