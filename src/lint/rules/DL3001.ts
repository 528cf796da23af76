import { commandsOf } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** Interactive and host-management tools do nothing useful while an image is being built. */
const pointless = new Set([
  'free',
  'kill',
  'mount',
  'ps',
  'service',
  'shutdown',
  'ssh',
  'top',
  'vim'
])

export const DL3001: Rule = simpleRule(
  {
    code: 'DL3001',
    severity: 'info',
    message:
      'Commands such as ssh, vim, service, ps, top, kill, mount or shutdown have no use in an image build; remove them from RUN'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) if (pointless.has(command.name)) return false
    return true
  },
  { onbuild: true }
)
