/**
 * Response and item IDs. A response is `resp_<32 hex>`; each of its items carries the same hex, so that an
 * `item_reference` (or any item ID) leads back to the response that holds it without an index of its own:
 * output items are `<prefix>_<hex>_<n>` (`n` its output index), input items `<prefix>_<hex>_i<n>`.
 */
import { randomUUID } from 'node:crypto';

export type ItemPrefix = 'msg' | 'fc' | 'fco' | 'rs';

const ITEM_ID = /^[a-z]+_([0-9a-f]{32})_(i?)(\d+)$/;

/** A new response ID and the hex its items share. */
export function createResponseId(): { id: string; hex: string } {
  const hex = randomUUID().replaceAll('-', '');
  return { id: `resp_${hex}`, hex };
}

export function outputItemId(prefix: ItemPrefix, hex: string, index: number): string {
  return `${prefix}_${hex}_${index}`;
}

export function inputItemId(prefix: ItemPrefix, hex: string, index: number): string {
  return `${prefix}_${hex}_i${index}`;
}

/** Where an item ID of ours points: its response and position, or `undefined` for an ID we did not make. */
export function parseItemId(id: string): { responseId: string; input: boolean; index: number } | undefined {
  const match = ITEM_ID.exec(id);
  if (match === null) return undefined;
  return { responseId: `resp_${match[1]!}`, input: match[2] === 'i', index: Number(match[3]) };
}
