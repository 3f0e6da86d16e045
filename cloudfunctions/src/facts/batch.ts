/**
 * Runs `work` on every item with at most `limit` calls in flight, and
 * returns the results in the order of `items`. The first failure rejects
 * the whole run once the calls in flight have settled.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next
      next += 1
      results[index] = await work(items[index] as T)
    }
  }
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    worker,
  )
  const settled = await Promise.allSettled(workers)
  const failure = settled.find((result) => result.status === 'rejected')
  if (failure !== undefined) throw failure.reason
  return results
}
