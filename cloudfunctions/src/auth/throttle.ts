import type { CityRules } from '@healthcode/shared'

const HOUR_MS = 3_600_000

export type SendDecision =
  | { kind: 'allowed'; sentAt: number[] }
  | { kind: 'limited'; retryAfterSeconds: number }

/**
 * Decides whether another code may be sent to a phone at `now`, given the
 * epoch-millisecond times of earlier sends. A send needs `resendSeconds`
 * since the last one and fewer than `maxPerHour` sends in the rolling hour
 * before it. When allowed, returns the history to store: the sends of the
 * last hour plus this one.
 */
export function decideSend(
  sentAt: readonly number[],
  otp: CityRules['otp'],
  now: Date,
): SendDecision {
  const nowMs = now.getTime()
  const recent = sentAt
    .filter((time) => time > nowMs - HOUR_MS && time <= nowMs)
    .sort((a, b) => a - b)
  const last = recent[recent.length - 1]
  const resendAt = last === undefined ? nowMs : last + otp.resendSeconds * 1000
  const oldestCounted = recent[recent.length - otp.maxPerHour]
  const hourlyAt =
    recent.length < otp.maxPerHour || oldestCounted === undefined
      ? nowMs
      : oldestCounted + HOUR_MS
  const allowedAt = Math.max(resendAt, hourlyAt)
  if (allowedAt > nowMs) {
    return {
      kind: 'limited',
      retryAfterSeconds: Math.ceil((allowedAt - nowMs) / 1000),
    }
  }
  return { kind: 'allowed', sentAt: [...recent, nowMs] }
}
