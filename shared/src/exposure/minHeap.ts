// A binary min-heap of items ordered by a numeric key.
export class MinHeap<T> {
  private readonly heap: T[] = []

  constructor(private readonly keyOf: (item: T) => number) {}

  // Every item in heap order, which is not sorted order.
  get items(): readonly T[] {
    return this.heap
  }

  push(item: T): void {
    const heap = this.heap
    heap.push(item)
    let index = heap.length - 1
    const key = this.keyOf(item)
    while (index > 0) {
      const parent = (index - 1) >> 1
      const parentItem = heap[parent] as T
      if (this.keyOf(parentItem) <= key) break
      heap[index] = parentItem
      index = parent
    }
    heap[index] = item
  }

  // Removes items while the smallest key is at most `key`.
  popWhileKeyAtMost(key: number): void {
    while (this.heap.length > 0 && this.keyOf(this.heap[0] as T) <= key) {
      this.popMin()
    }
  }

  private popMin(): void {
    const heap = this.heap
    const last = heap.pop() as T
    if (heap.length === 0) return
    const size = heap.length
    const key = this.keyOf(last)
    let index = 0
    for (;;) {
      const left = 2 * index + 1
      if (left >= size) break
      const right = left + 1
      let child = left
      if (
        right < size &&
        this.keyOf(heap[right] as T) < this.keyOf(heap[left] as T)
      ) {
        child = right
      }
      const childItem = heap[child] as T
      if (this.keyOf(childItem) >= key) break
      heap[index] = childItem
      index = child
    }
    heap[index] = last
  }
}
