export type { OverrideSeverity, PartialConfig, ResolvedConfig, Threshold } from './types.js'
export { overrideSeverities } from './types.js'
export {
  commaList,
  isThreshold,
  labelTypes,
  parseLabelSpec,
  parseLabelType,
  parseThreshold,
  thresholdNames,
  thresholdSeverity
} from './values.js'
export { configFromEnv, parseEnvFlag, type Environment } from './env.js'
export {
  configCandidates,
  findConfigFile,
  parseConfigText,
  readConfigFile,
  type ConfigFile,
  type ConfigLookup
} from './file.js'
export { mergeConfigs } from './merge.js'
export { resolveConfig } from './resolve.js'
