// Values the global setup provides to every test file through inject().
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string
  }
}
