import { startOfCityDay } from '@healthcode/shared'

/**
 * Returns the first instant of a city date (YYYY-MM-DD). Noon UTC of the
 * date lies on the same calendar date in every zone whose offset is less
 * than 12 hours, which covers the cities of this system.
 */
export function cityDayStart(date: string, timeZone: string): Date {
  return startOfCityDay(new Date(`${date}T12:00:00Z`), timeZone)
}
