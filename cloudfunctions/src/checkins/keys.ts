// Keys of the per-venue, per-day tables (checkins, checkpointEvents). A
// day is the city-local calendar date, so a venue's day is one partition.

/** Returns the partition key of a venue's items of one city date. */
export function venueDayKey(venueId: string, cityDate: string): string {
  return `venue#${venueId}#${cityDate}`
}

/** Returns a sort key that orders items by time, then by id. */
export function timeSortKey(at: Date, id: string): string {
  return `${at.toISOString()}#${id}`
}

/** Returns the presence key of a resident at a venue. */
export function presenceKey(residentId: string, venueId: string): string {
  return `${residentId}#${venueId}`
}
