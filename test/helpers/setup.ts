import { afterAll } from '@jest/globals'
import { removeScratchDirs } from './scratch.js'

afterAll(() => removeScratchDirs())
