import type { ReactNode } from 'react'

// Stand-ins for @tarojs/components: plain DOM elements with the props the
// app uses. Input reports changes as Taro does, in event.detail.value.

type Common = {
  id?: string
  className?: string
  children?: ReactNode
  [attribute: `data-${string}`]: string | undefined
}

type Style = Readonly<Record<string, string | number>>

export function View({
  children,
  ...rest
}: Common & { role?: string; onClick?: () => void; style?: Style }) {
  return <div {...rest}>{children}</div>
}

export function Text({ children, ...rest }: Common) {
  return <span {...rest}>{children}</span>
}

export function Button({
  children,
  onClick,
  disabled,
  size: _size,
  ...rest
}: Common & { onClick?: () => void; disabled?: boolean; size?: string }) {
  return (
    <button type='button' disabled={disabled} onClick={onClick} {...rest}>
      {children}
    </button>
  )
}

type InputEvent = { detail: { value: string } }

export function Input({
  value,
  onInput,
  placeholder,
  maxlength,
  type,
  ...rest
}: Common & {
  value?: string
  onInput?: (event: InputEvent) => void
  placeholder?: string
  maxlength?: number
  type?: string
}) {
  return (
    <input
      {...rest}
      type={type === 'number' ? 'text' : type}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    />
  )
}

export function Textarea({
  value,
  onInput,
  placeholder,
  maxlength,
  ...rest
}: Common & {
  value?: string
  onInput?: (event: InputEvent) => void
  placeholder?: string
  maxlength?: number
}) {
  return (
    <textarea
      {...rest}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    />
  )
}

export function Canvas({
  canvasId,
  width,
  height,
  style: _style,
  ...rest
}: Common & {
  canvasId?: string
  width?: string
  height?: string
  style?: unknown
}) {
  return (
    <canvas {...rest} data-canvas-id={canvasId} width={width} height={height} />
  )
}
