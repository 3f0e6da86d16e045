import { useRouter } from '@tarojs/taro'

// Returns a query parameter of the current page, or null when the URL
// lacks it. Taro hands over the query undecoded on some platforms, so the
// value is decoded here. A malformed escape keeps the raw text.
export function usePageParam(name: string): string | null {
  const value = useRouter().params[name]
  if (value === undefined || value === '') return null
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
