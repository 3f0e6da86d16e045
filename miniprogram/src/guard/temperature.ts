import { Temperature } from '../contract'

export type TemperatureReading =
  | { kind: 'ok'; temperature: number | undefined }
  | { kind: 'invalid' }

// Reads the temperature field in degrees Celsius. An empty field is no
// reading, which a venue that requires temperatures does not accept.
// A decimal comma counts as a point.
export function readTemperature(
  text: string,
  required: boolean,
): TemperatureReading {
  const trimmed = text.trim()
  if (trimmed === '') {
    return required
      ? { kind: 'invalid' }
      : { kind: 'ok', temperature: undefined }
  }
  const parsed = Temperature.safeParse(Number(trimmed.replace(',', '.')))
  return parsed.success
    ? { kind: 'ok', temperature: parsed.data }
    : { kind: 'invalid' }
}
