import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { resetTaroStub } from './stubs/taro'

afterEach(() => {
  cleanup()
  resetTaroStub()
})
