import type { zh } from './zh'

type Shape<T> = {
  [K in keyof T]: T[K] extends string ? string : Shape<T[K]>
}

// The key structure every language provides, taken from the Chinese texts.
export type Messages = Shape<typeof zh>
