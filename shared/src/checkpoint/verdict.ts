import type { Verdict, VerdictCode } from '../api/checkpoint'

/** Returns whether a verdict code admits: only ALLOW does. */
export function verdictOf(code: VerdictCode): Verdict {
  return code === 'ALLOW' ? 'allow' : 'deny'
}
