import type { operatorZh } from './zh'

type Shape<T> = {
  [K in keyof T]: T[K] extends string ? string : Shape<T[K]>
}

// The key structure of the operator texts, taken from the Chinese ones.
export type OperatorMessages = Shape<typeof operatorZh>
