import type { Language } from '@healthcode/shared'

/** Returns the text of the SMS that carries a one-time password. */
export function otpMessage(
  code: string,
  lifetimeSeconds: number,
  language: Language,
): string {
  const minutes = Math.ceil(lifetimeSeconds / 60)
  switch (language) {
    case 'zh':
      return `【健康码】您的验证码是${code}，${minutes}分钟内有效。请勿告诉他人。`
    case 'en':
      return (
        `Health Code: your verification code is ${code}. It expires in ` +
        `${minutes} minutes. Do not share it with anyone.`
      )
  }
}
