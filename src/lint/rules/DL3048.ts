import { simpleRule } from '../rule.js'

/** Lower-case letters, digits, `.`, `_`, `/` and `-`; starts with a letter, ends alphanumeric. */
const labelKey = /^[a-z](?:[0-9a-z._/-]*[0-9a-z])?$/
const reservedNamespaces = ['com.docker.', 'io.docker.', 'org.dockerproject.']

function isValidKey(key: string): boolean {
  return (
    labelKey.test(key) &&
    !key.includes('..') &&
    !key.includes('--') &&
    !reservedNamespaces.some((namespace) => key.startsWith(namespace))
  )
}

/**
 * Docker's label guidelines: reverse-DNS style keys in lower case, and the docker namespaces
 * reserved for Docker itself, so that tools reading labels agree on them.
 */
export const DL3048 = simpleRule(
  {
    code: 'DL3048',
    severity: 'style',
    message:
      "Use a lower-case, reverse-DNS style label key (com.example.name) outside Docker's reserved namespaces"
  },
  (instruction) =>
    instruction.keyword !== 'LABEL' || instruction.pairs.every((pair) => isValidKey(pair.key))
)
