/** Every ecosystem mirror-config knows, one file each, in the order plans are applied. */
import type { Ecosystem } from '../ecosystem.js'

export const ecosystems: readonly Ecosystem[] = []
