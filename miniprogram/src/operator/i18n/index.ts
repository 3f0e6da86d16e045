import type { i18n } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { operatorEn } from './en'
import { operatorZh } from './zh'

export const OPERATOR_NAMESPACE = 'operator'

// Adds the operator texts to the app's i18next instance. They ship with
// the operator subpackage rather than with the main package's texts.
export function addOperatorTexts(instance: i18n): void {
  if (instance.hasResourceBundle('zh', OPERATOR_NAMESPACE)) return
  instance.addResourceBundle('zh', OPERATOR_NAMESPACE, operatorZh)
  instance.addResourceBundle('en', OPERATOR_NAMESPACE, operatorEn)
}

// Makes the operator texts available from the first render of the page
// that calls it.
export function useOperatorTextsLoaded(): void {
  const { i18n } = useTranslation()
  useState(() => addOperatorTexts(i18n))
}

// The `t` of the operator namespace.
export function useOperatorTranslation() {
  return useTranslation(OPERATOR_NAMESPACE)
}
