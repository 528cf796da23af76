import { simpleRule } from '../rule.js'

/** Fragments that mark a variable name as a credential (compared in lower case). */
const secretFragments = [
  'api_key',
  'client_key',
  'password',
  'private',
  'secret',
  'token',
  'username'
]

/**
 * Well-known credential variables that the fragments above do not catch (hadolint's list of
 * CI and cloud names, upper case).
 */
const secretNames = new Set([
  'APPLICATION_KEY',
  'AWS_ACCESS_KEY_ID',
  'CI_DEPLOY_USER',
  'DOCKER_EMAIL',
  'FACEBOOK_APP_ID',
  'HEROKU_API_USER',
  'OKTA_AUTHN_GROUPID',
  'OKTA_CLIENT_ORGURL',
  'OKTA_OAUTH2_CLIENTID',
  'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS',
  'TRAVIS_SUDO'
])

function looksSecret(name: string): boolean {
  const lower = name.toLowerCase()
  return secretNames.has(name.toUpperCase()) || secretFragments.some((part) => lower.includes(part))
}

/**
 * ARG and ENV values end up in the image history or config, where anyone who can pull the
 * image reads them; secrets belong in RUN --mount=type=secret.
 */
export const DL3064 = simpleRule(
  {
    code: 'DL3064',
    severity: 'warning',
    message:
      'This ARG or ENV looks like it holds a secret, which stays readable in the image; pass it with RUN --mount=type=secret'
  },
  (instruction) =>
    (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') ||
    !instruction.pairs.some((pair) => looksSecret(pair.key)),
  { onbuild: true }
)
