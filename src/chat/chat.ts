import type { Client } from '../client.js';
import { APIResource } from '../core/resource.js';
import { Completions } from './completions.js';

/** `client.chat`: holds `completions`, as in the `openai` package. */
export class Chat extends APIResource {
  readonly completions: Completions;

  constructor(client: Client) {
    super(client);
    this.completions = new Completions(client);
  }
}
