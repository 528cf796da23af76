/** The image checks, in report order, and the run over one image view. */
import type { CheckResult, Expectations } from '../checks/check.js'
import { imageEntrypointCheck } from './entrypoint.js'
import { imageGroupsCheck } from './groups.js'
import { imageHomeCheck } from './home.js'
import type { ImageCheck, ImageView } from './image-check.js'
import { resolveImageUser } from './image-check.js'
import { imageIdentityCheck } from './identity.js'
import { imagePathCheck } from './path.js'
import { imageSetuidCheck } from './setuid.js'
import { imageSudoCheck } from './sudo.js'

export const imageChecks: readonly ImageCheck[] = [
  imageIdentityCheck,
  imageGroupsCheck,
  imageSudoCheck,
  imageHomeCheck,
  imagePathCheck,
  imageSetuidCheck,
  imageEntrypointCheck
]

export function runImageChecks(
  image: ImageView,
  expected: Expectations,
  setuidAllowed: readonly string[],
  checks: readonly ImageCheck[] = imageChecks
): CheckResult[] {
  const context = {
    image,
    expected,
    setuidAllowed: [...setuidAllowed],
    user: resolveImageUser(image)
  }
  return checks.flatMap((check) => check.check(context))
}
