/**
 * setuid (image): setuid and setgid files beyond an allow-list. A setuid file runs as its owner
 * whoever starts it, so an unexpected one (a setuid shell above all) is a way to root.
 * newuidmap/newgidmap must be setuid for rootless engines and are always allowed.
 */
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'

/** What Debian, Ubuntu and UBI base images ship setuid/setgid (shadow, util-linux, openssh). */
export const defaultSetuidAllowed = [
  '/usr/bin/newuidmap',
  '/usr/bin/newgidmap',
  '/usr/bin/passwd',
  '/usr/bin/chsh',
  '/usr/bin/chfn',
  '/usr/bin/gpasswd',
  '/usr/bin/newgrp',
  '/usr/bin/su',
  '/usr/bin/mount',
  '/usr/bin/umount',
  '/usr/bin/chage',
  '/usr/bin/expiry',
  '/usr/bin/ssh-agent',
  '/usr/bin/wall',
  '/usr/bin/write',
  '/usr/bin/crontab',
  '/usr/sbin/unix_chkpwd',
  '/usr/sbin/pam_extrausers_chkpwd',
  '/usr/lib/openssh/ssh-keysign',
  '/usr/lib/dbus-1.0/dbus-daemon-launch-helper',
  '/usr/libexec/openssh/ssh-keysign'
]

const shells = /(?:^|\/)(?:sh|bash|dash|zsh|ksh|mksh|ash|busybox|fish|csh|tcsh)$/

export const imageSetuidCheck: ImageCheck = {
  id: 'setuid',
  title: 'setuid and setgid files',
  check({ image, setuidAllowed }) {
    const allowed = new Set(
      [...setuidAllowed, '/usr/bin/newuidmap', '/usr/bin/newgidmap'].map((path) =>
        path.replace(/^\/+/, '').replace(/^(bin|sbin|lib)\//, 'usr/$1/')
      )
    )
    const setuid: string[] = []
    const setgid: string[] = []
    for (const [path, entry] of image.all()) {
      if (entry.type !== 'file' && entry.type !== 'hardlink') continue
      const canonical = path.replace(/^(bin|sbin|lib)\//, 'usr/$1/')
      if (allowed.has(canonical)) continue
      if ((entry.mode & 0o4000) !== 0) setuid.push(`/${path}`)
      else if ((entry.mode & 0o2000) !== 0) setgid.push(`/${path}`)
    }
    setuid.sort()
    setgid.sort()
    const details = { setuid, setgid }
    const results = []
    // A shell renamed on copy (cp /bin/bash /usr/local/bin/x) keeps its size.
    const shellSizes = new Set(
      ['usr/bin/bash', 'usr/bin/dash', 'usr/bin/sh', 'usr/bin/zsh', 'usr/bin/busybox']
        .map((path) => image.entry(path))
        .filter((entry) => entry?.type === 'file' && entry.size !== undefined && entry.size > 0)
        .map((entry) => entry?.size)
    )
    const shellsFound = setuid.filter(
      (path) => shells.test(path) || shellSizes.has(image.entry(path.slice(1))?.size)
    )
    if (setuid.length > 0) {
      results.push(
        checkResult(
          'setuid',
          'setuid and setgid files',
          'fail',
          `${shellsFound.length > 0 ? `setuid shell ${shellsFound.join(', ')}; ` : ''}setuid files not allowed: ${setuid.join(', ')}`,
          `chmod u-s them in the Dockerfile, or add them to setuid-allowed if they are needed`,
          details
        )
      )
    }
    if (setgid.length > 0) {
      results.push(
        checkResult(
          'setuid',
          'setuid and setgid files',
          'warn',
          `setgid files not allowed: ${setgid.join(', ')}`,
          'chmod g-s them, or add them to setuid-allowed',
          details
        )
      )
    }
    return results.length > 0
      ? results
      : [
          checkResult(
            'setuid',
            'setuid and setgid files',
            'pass',
            'no setuid or setgid files beyond the allowed ones',
            undefined,
            details
          )
        ]
  }
}
