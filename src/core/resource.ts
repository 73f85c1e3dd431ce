import type { Client } from '../client.js';

/** A group of API methods (`chat.completions`, `embeddings`) holding the client they call through. */
export abstract class APIResource {
  protected readonly _client: Client;

  constructor(client: Client) {
    this._client = client;
  }
}
