/**
 * Stands in for @actions/core's oidc-utils module in every runnerkit bundle (see
 * scripts/bundle.ts). No runnerkit action asks for an OIDC token: signing and attestation are
 * separate steps in the reusable workflows. The real module imports an HTTP client, and with it
 * undici and Node's http, https and tls modules, at startup: about 35 ms of every cold start of
 * an action that never makes a request.
 */
export class OidcClient {
  static getIDToken(): Promise<string> {
    return Promise.reject(
      new Error(
        "runnerkit's action bundles leave out @actions/core's getIDToken (scripts/bundle-stubs/oidc-utils.ts); remove the stub from scripts/bundle.ts before using it"
      )
    )
  }
}
