// Public API of @healthcode/shared: schemas of the HTTP contract and the
// domain rules both the backend and the mini-program apply.
export * from './api/problems'
export * from './api/schemas'
export * from './cities'
export * from './documents'
export * from './encoding'
export * from './i18n'
export * from './rating'
export * from './time'
export * from './tokens'
