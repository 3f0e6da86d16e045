// Returns the `disabled` prop of a Taro Button. Taro's H5 button turns
// disabled={false} into the attribute disabled="false", which its own
// stylesheet's [disabled] selector still matches and greys out. Leaving
// the prop out while enabled avoids that on every platform.
export function disabledWhen(condition: boolean): true | undefined {
  return condition ? true : undefined
}
