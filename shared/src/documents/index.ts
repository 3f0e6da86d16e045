export { maskDocument, maskName } from './mask'
export { parseName, MAX_NAME_LENGTH, type NameResult } from './name'
export { normalizeDocumentNumber } from './normalize'
export {
  identityKey,
  parseDocument,
  type DocumentField,
  type DocumentResult,
  type ParsedDocument,
} from './parseDocument'
export { parsePhone, type PhoneResult } from './phone'
