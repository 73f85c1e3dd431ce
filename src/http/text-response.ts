/**
 * {@link TextResponse}: a standard `Response` (a subclass, `instanceof Response`) for a body the handler already holds
 * as text, a JSON result or an error. Its `text()` and `json()` answer from that text; a byte stream is made only
 * when something reads `body` (a server writing it out, a caller piping it), or `arrayBuffer()`, `blob()`,
 * `formData()` or `bytes()`. A caller in this process (the `openai` package through `createBedrockFetch()`) reads
 * it with `json()` or `text()`: on Node 20 the stream Node's `Response` makes up front, and reading it back, cost
 * ~14 µs of the door's CPU per call. Everything else (`status`, `headers`, `ok`, `bodyUsed`, `clone()`, a body read
 * twice rejecting with a `TypeError`) behaves as a `Response` does. `init` must name the `content-type`: a `Response`
 * made from a string would add `text/plain`.
 */

const BODY_USED = 'Body is unusable: Body has already been read';

export class TextResponse extends Response {
  readonly #text: string;
  /** Whether `text()` or `json()` consumed the body before any stream was made. */
  #read = false;
  /** The `Response` that holds the body as a stream, once something needed it. */
  #stream: Response | undefined;

  constructor(text: string, init: ResponseInit) {
    super(null, init);
    this.#text = text;
  }

  #readText(): Promise<string> {
    return this.#stream?.text() ?? this.#consume(() => this.#text);
  }

  #readJson(): Promise<unknown> {
    return this.#stream?.json() ?? this.#consume(() => JSON.parse(this.#text) as unknown);
  }

  /** Reads the body from its text, once: a second read rejects as a `Response`'s does. */
  #consume<T>(read: () => T): Promise<T> {
    if (this.#read) return Promise.reject(new TypeError(BODY_USED));
    this.#read = true;
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #clone(): Response {
    if (this.#stream !== undefined || this.#read) return this.#streamed().clone();
    return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
  }

  /** The stream-backed `Response` (made once; when `text()` or `json()` already read the body, it is marked read). */
  #streamed(): Response {
    if (this.#stream === undefined) {
      this.#stream = new Response(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers });
      if (this.#read) void this.#stream.text().catch(() => undefined);
    }
    return this.#stream;
  }

  static {
    // Defined on the prototype: TypeScript's lib declares these members of `Response` as properties, which a class
    // body cannot override with methods or accessors.
    const method = (value: (this: TextResponse) => unknown): PropertyDescriptor => ({ configurable: true, writable: true, value });
    Object.defineProperties(this.prototype, {
      text: method(function (this: TextResponse) {
        return this.#readText();
      }),
      json: method(function (this: TextResponse) {
        return this.#readJson();
      }),
      clone: method(function (this: TextResponse) {
        return this.#clone();
      }),
      body: {
        configurable: true,
        enumerable: true,
        get(this: TextResponse): ReadableStream<Uint8Array> | null {
          return this.#streamed().body;
        },
      },
      bodyUsed: {
        configurable: true,
        enumerable: true,
        get(this: TextResponse): boolean {
          return this.#stream?.bodyUsed ?? this.#read;
        },
      },
    });
    for (const name of ['arrayBuffer', 'blob', 'formData', 'bytes'] as const) {
      if (typeof (Response.prototype as unknown as Record<string, unknown>)[name] !== 'function') continue;
      Object.defineProperty(
        this.prototype,
        name,
        method(function (this: TextResponse) {
          return (this.#streamed() as unknown as Record<typeof name, () => Promise<unknown>>)[name]();
        }),
      );
    }
  }
}
