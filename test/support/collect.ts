/** Reads an async iterable (a chat `Stream`, or the SDK's event stream, which may be absent) into an array. */
export async function collect<Item>(iterable: AsyncIterable<Item> | undefined): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of iterable ?? []) items.push(item);
  return items;
}
