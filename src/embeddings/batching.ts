/**
 * Splits inputs into Bedrock requests: contiguous ranges of at most the family's batch size, never mixing text
 * and images (Cohere takes `texts` or `images` in one call, not both). Ranges are produced on demand, so a call
 * with 100,000 inputs holds one cursor, not 100,000 (or 1,042) batch objects. Pure.
 */

/** Inputs `[start, end)`, all text or all images. */
export interface Batch {
  start: number;
  end: number;
  image: boolean;
}

/** Hands out the next batch until none is left. */
export class BatchPlanner {
  readonly #count: number;
  readonly #textSize: number;
  readonly #imageSize: number;
  readonly #images: Uint8Array | undefined;
  #next = 0;

  /**
   * @param count number of inputs
   * @param sizes most inputs per request, for text and for images (each ≥ 1)
   * @param images `1` at each image input's index; `undefined` when all inputs are text
   */
  constructor(count: number, sizes: { text: number; image: number }, images: Uint8Array | undefined) {
    if (!(sizes.text >= 1 && sizes.image >= 1)) throw new RangeError('Batch sizes must be at least 1.');
    this.#count = count;
    this.#textSize = Math.floor(sizes.text);
    this.#imageSize = Math.floor(sizes.image);
    this.#images = images;
  }

  /** The next batch, or `undefined` when every input has been handed out. */
  next(): Batch | undefined {
    const start = this.#next;
    if (start >= this.#count) return undefined;
    const images = this.#images;
    if (images === undefined) {
      const end = Math.min(start + this.#textSize, this.#count);
      this.#next = end;
      return { start, end, image: false };
    }
    const image = images[start] === 1;
    const limit = Math.min(start + (image ? this.#imageSize : this.#textSize), this.#count);
    let end = start + 1;
    while (end < limit && (images[end] === 1) === image) end++;
    this.#next = end;
    return { start, end, image };
  }

  /** Inputs not handed out yet. */
  get remaining(): number {
    return this.#count - this.#next;
  }
}

/** Every batch of a planner, in order (for tests and small inputs). */
export function planBatches(count: number, sizes: { text: number; image: number }, images?: Uint8Array): Batch[] {
  const planner = new BatchPlanner(count, sizes, images);
  const batches: Batch[] = [];
  for (let batch = planner.next(); batch !== undefined; batch = planner.next()) batches.push(batch);
  return batches;
}
