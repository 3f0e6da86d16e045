export type TemperatureRules = {
  temperatureRequired: boolean
  // Degrees Celsius at or above which a reading is a fever.
  feverCelsius: number
}

export type TemperatureCheck =
  | { kind: 'ok' }
  | { kind: 'missing' }
  | { kind: 'fever' }

/** Checks a temperature reading in degrees Celsius against a policy. */
export function checkTemperature(
  temperature: number | undefined,
  rules: TemperatureRules,
): TemperatureCheck {
  if (temperature === undefined) {
    return rules.temperatureRequired ? { kind: 'missing' } : { kind: 'ok' }
  }
  return temperature >= rules.feverCelsius ? { kind: 'fever' } : { kind: 'ok' }
}
