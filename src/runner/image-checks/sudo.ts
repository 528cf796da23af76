/**
 * sudo (image): the sudo binary and the sudoers grants (/etc/sudoers and /etc/sudoers.d) that
 * reach the image's user, directly, through a group, or through ALL.
 */
import { sudoGrants } from '../accounts.js'
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'

export const imageSudoCheck: ImageCheck = {
  id: 'sudo',
  title: 'sudo',
  check({ image, expected, user }) {
    const binary = ['usr/bin/sudo', 'bin/sudo', 'usr/local/bin/sudo'].find(
      (path) => image.entry(path) !== undefined
    )
    const files = ['etc/sudoers', ...image.keptUnder('etc/sudoers.d/')]
      .map((file) => ({ file: `/${file}`, text: image.text(file) ?? '' }))
      .filter(({ text }) => text !== '')
    const grants =
      user.name !== undefined
        ? sudoGrants(
            files,
            user.name,
            user.groups.map((group) => group.name)
          )
        : []
    const details = { binary: binary !== undefined ? `/${binary}` : null, grants }
    const remove =
      'remove sudo (apt-get purge sudo / dnf remove sudo) and its grants from the image'
    if (binary !== undefined && grants.some((grant) => grant.noPassword)) {
      const grant = grants.find((candidate) => candidate.noPassword)
      return [
        checkResult(
          'sudo',
          'sudo',
          'fail',
          `sudo is installed and ${grant?.file}:${grant?.line} grants ${user.name} root without a password (${grant?.text})`,
          remove,
          details
        )
      ]
    }
    if (binary !== undefined && grants.length > 0) {
      return [
        checkResult(
          'sudo',
          'sudo',
          'fail',
          `sudo is installed and ${grants[0]?.file}:${grants[0]?.line} grants ${user.name} root (${grants[0]?.text})`,
          remove,
          details
        )
      ]
    }
    if (binary !== undefined) {
      return [
        checkResult(
          'sudo',
          'sudo',
          expected.sudo === 'absent' ? 'warn' : 'pass',
          `sudo is installed; no grant reaches ${user.name ?? 'the user'}`,
          remove,
          details
        )
      ]
    }
    if (grants.length > 0) {
      return [
        checkResult(
          'sudo',
          'sudo',
          'warn',
          `no sudo binary, but ${grants[0]?.file}:${grants[0]?.line} grants ${user.name} root: installing sudo later opens it`,
          'remove the grant',
          details
        )
      ]
    }
    return [checkResult('sudo', 'sudo', 'pass', 'no sudo binary and no grant', undefined, details)]
  }
}
