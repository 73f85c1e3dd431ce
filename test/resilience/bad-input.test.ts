/**
 * Bad input gets a clear error before anything leaves: each malformed call below must fail with the right error
 * class, a `param` naming the field as the user wrote it, a message saying what to do, and the emulator must have
 * received no request at all. The table covers chat and embeddings params, images and documents, per-request
 * options, client options, credential conflicts and bad `bedrock.json` files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, type ClientOptions } from '../../src/client.js';
import { BadRequestError, ConfigurationError } from '../../src/core/errors.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CHAT_MODEL, Clients, EMBEDDING_MODEL, rejection, totalRequests } from './helpers.js';

let emulator: EmulatorHandle;
let client: Client;
const clients = new Clients();
const dir = mkdtempSync(join(tmpdir(), 'bedrock-openai-bad-input-'));

beforeAll(async () => {
  emulator = await startEmulator();
  client = clients.for(emulator);
});
afterEach(() => emulator.reset());
afterAll(async () => {
  clients.closeAll();
  await emulator.close();
});

// Byte strings whose magic numbers say PNG, JPEG and PDF.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const PDF_HEADER = new TextEncoder().encode('%PDF-1.4\n');
const dataUrl = (mediaType: string, bytes: Uint8Array): string => `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
/** `size` bytes starting with `header`. */
const padded = (header: Uint8Array, size: number): Uint8Array => {
  const bytes = new Uint8Array(size);
  bytes.set(header);
  return bytes;
};
const image = (url: string) => ({ type: 'image_url' as const, image_url: { url } });
const withImages = (...parts: unknown[]) => [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, ...parts] }];
const user = [{ role: 'user', content: 'hello' }];

/** A bedrock.json with `text`, written to a fresh file. */
let files = 0;
function bedrockJson(text: string): string {
  const path = join(dir, `bedrock-${++files}.json`);
  writeFileSync(path, text);
  return path;
}

/** A client for the emulator with extra options (constructed inside the call, so constructor errors count). */
function clientWith(options: ClientOptions): Client {
  return clients.for(emulator, options);
}

type ChatParams = Parameters<Client['chat']['completions']['create']>[0];
type EmbeddingParams = Parameters<Client['embeddings']['create']>[0];
const chat = (params: unknown, options?: Record<string, unknown>) => () => client.chat.completions.create(params as ChatParams, options as never);
const embed = (params: unknown, options?: Record<string, unknown>) => () => client.embeddings.create(params as EmbeddingParams, options as never);

/** `BadRequestError` or its subclass `ConfigurationError` (their constructors differ). */
type ErrorClass = new (...args: never[]) => BadRequestError;

interface Case {
  name: string;
  call: () => unknown;
  errorClass: ErrorClass;
  param: string;
  message: RegExp;
  /** Set when the case fails because of a product bug (the test is then expected to fail): what is wrong. */
  knownBug?: string;
}

const CHAT_CASES: Case[] = [
  // Shape and types of the request.
  { name: 'params is null', call: chat(null), errorClass: BadRequestError, param: 'body', message: /must be an object/ },
  { name: 'model missing', call: chat({ messages: user }), errorClass: BadRequestError, param: 'model', message: /`model` must be a non-empty string/ },
  { name: 'model blank', call: chat({ model: '  ', messages: user }), errorClass: BadRequestError, param: 'model', message: /`model` must be a non-empty string/ },
  { name: 'model a number', call: chat({ model: 42, messages: user }), errorClass: BadRequestError, param: 'model', message: /`model` must be a non-empty string/ },
  { name: 'messages missing', call: chat({ model: CHAT_MODEL }), errorClass: BadRequestError, param: 'messages', message: /`messages` must be a non-empty array/ },
  { name: 'messages empty', call: chat({ model: CHAT_MODEL, messages: [] }), errorClass: BadRequestError, param: 'messages', message: /`messages` must be a non-empty array/ },
  { name: 'messages a string', call: chat({ model: CHAT_MODEL, messages: 'hello' }), errorClass: BadRequestError, param: 'messages', message: /`messages` must be a non-empty array/ },
  { name: 'a message that is null', call: chat({ model: CHAT_MODEL, messages: [null] }), errorClass: BadRequestError, param: 'messages[0]', message: /must be an object/ },
  {
    name: 'unknown role',
    call: chat({ model: CHAT_MODEL, messages: [{ role: 'robot', content: 'hi' }] }),
    errorClass: BadRequestError,
    param: 'messages[0].role',
    message: /must be one of system, developer, user, assistant, tool, function; got "robot"/,
  },
  {
    name: 'legacy function message answering no function_call',
    call: chat({ model: CHAT_MODEL, messages: [...user, { role: 'function', name: 'f', content: '1' }] }),
    errorClass: BadRequestError,
    param: 'messages[1].name',
    message: /does not answer a `function_call`/,
  },
  { name: 'user content a number', call: chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: 7 }] }), errorClass: BadRequestError, param: 'messages[0].content', message: /must be a string or an array/ },
  {
    name: 'unknown content part type',
    call: chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: [{ type: 'video', url: 'x' }] }] }),
    errorClass: BadRequestError,
    param: 'messages[0].content[0].type',
    message: /must be "text", "image_url", "input_audio" or "file"; got "video"/,
  },
  {
    name: 'text part without a string',
    call: chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }] }),
    errorClass: BadRequestError,
    param: 'messages[0].content[0].text',
    message: /must be a string/,
  },
  {
    name: 'audio input on a model without audio',
    call: chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] }),
    errorClass: BadRequestError,
    param: 'messages[0].content[0]',
    message: /does not support audio input on Bedrock/,
  },
  {
    name: 'audio input in a format Converse lacks',
    call: chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'midi' } }] }] }),
    errorClass: BadRequestError,
    param: 'messages[0].content[0].input_audio.format',
    message: /must be one of mp3, opus, wav/,
  },
  {
    name: 'only a system message',
    call: chat({ model: CHAT_MODEL, messages: [{ role: 'system', content: 'be brief' }] }),
    errorClass: BadRequestError,
    param: 'messages',
    message: /at least one user message/,
  },
  // Tool calls and tool messages.
  {
    name: 'tool message without a matching tool call',
    call: chat({ model: CHAT_MODEL, messages: [...user, { role: 'tool', tool_call_id: 'call_1', content: '42' }] }),
    errorClass: BadRequestError,
    param: 'messages[1].tool_call_id',
    message: /\(`call_1`\) does not answer a tool call of the assistant message before it/,
  },
  {
    name: 'tool message without tool_call_id',
    call: chat({ model: CHAT_MODEL, messages: [...user, { role: 'tool', content: '42' }] }),
    errorClass: BadRequestError,
    param: 'messages[1].tool_call_id',
    message: /must be a non-empty string/,
  },
  {
    name: 'tool call left unanswered',
    call: chat({
      model: CHAT_MODEL,
      messages: [
        ...user,
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'user', content: 'and?' },
      ],
    }),
    errorClass: BadRequestError,
    param: 'messages[1].tool_calls[0]',
    message: /has no `tool` message answering it/,
  },
  {
    name: 'tool call arguments that are not JSON',
    call: chat({
      model: CHAT_MODEL,
      messages: [...user, { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }] }],
    }),
    errorClass: BadRequestError,
    param: 'messages[1].tool_calls[0].function.arguments',
    message: /is not valid JSON/,
  },
  {
    name: 'tool call arguments that encode an array',
    call: chat({
      model: CHAT_MODEL,
      messages: [...user, { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }] }],
    }),
    errorClass: BadRequestError,
    param: 'messages[1].tool_calls[0].function.arguments',
    message: /must encode a JSON object/,
  },
  {
    name: 'tool call ID used twice',
    call: chat({
      model: CHAT_MODEL,
      messages: [
        ...user,
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'dup', type: 'function', function: { name: 'f', arguments: '{}' } },
            { id: 'dup', type: 'function', function: { name: 'g', arguments: '{}' } },
          ],
        },
      ],
    }),
    errorClass: BadRequestError,
    param: 'messages[1].tool_calls[1].id',
    message: /`dup` is used twice/,
  },
  { name: 'tools not an array', call: chat({ model: CHAT_MODEL, messages: user, tools: {} }), errorClass: BadRequestError, param: 'tools', message: /`tools` must be an array/ },
  {
    name: 'tool without a name',
    call: chat({ model: CHAT_MODEL, messages: user, tools: [{ type: 'function', function: { name: '' } }] }),
    errorClass: BadRequestError,
    param: 'tools[0].function.name',
    message: /must be a non-empty string/,
  },
  {
    name: 'tool_choice naming a function not in tools',
    call: chat({ model: CHAT_MODEL, messages: user, tools: [{ type: 'function', function: { name: 'lookup' } }], tool_choice: { type: 'function', function: { name: 'search' } } }),
    errorClass: BadRequestError,
    param: 'tool_choice.function.name',
    message: /names `search`, which is not in `tools`/,
  },
  {
    name: 'tool_choice without tools',
    call: chat({ model: CHAT_MODEL, messages: user, tool_choice: 'required' }),
    errorClass: BadRequestError,
    param: 'tool_choice',
    message: /only allowed when `tools` are given/,
  },
  // Images and documents.
  {
    name: 'data URL without a comma',
    call: chat({ model: CHAT_MODEL, messages: withImages(image('data:image/png;base64')) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /is not a valid data URL \(expected `data:<media type>;base64,<data>`\)/,
  },
  {
    name: 'data URL with invalid base64',
    call: chat({ model: CHAT_MODEL, messages: withImages(image('data:image/png;base64,not*base64!')) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /holds invalid base64 data/,
  },
  {
    name: 'data URL with no data',
    call: chat({ model: CHAT_MODEL, messages: withImages(image('data:image/png;base64,')) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /holds no data/,
  },
  {
    name: 'image with a media type Bedrock does not take',
    call: chat({ model: CHAT_MODEL, messages: withImages(image(dataUrl('image/tiff', PNG))) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /has media type image\/tiff; Bedrock takes image\/png, image\/jpeg, image\/gif and image\/webp/,
  },
  {
    name: 'image labelled PNG holding JPEG bytes',
    call: chat({ model: CHAT_MODEL, messages: withImages(image(dataUrl('image/png', JPEG))) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /is labelled png but its bytes are jpeg/,
  },
  {
    name: 'image over Bedrock’s 3.75 MB limit',
    call: chat({ model: CHAT_MODEL, messages: withImages(image(dataUrl('image/png', padded(PNG, 3_932_161)))) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /is 3\.75 MB; Bedrock accepts images up to 3\.75 MB/,
  },
  {
    name: 'more than 20 images',
    call: chat({ model: CHAT_MODEL, messages: withImages(...Array.from({ length: 21 }, () => image(dataUrl('image/png', PNG)))) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[21]',
    message: /at most 20 images \(Bedrock's limit\)/,
  },
  {
    name: 'image URL with an unsupported scheme',
    call: chat({ model: CHAT_MODEL, messages: withImages(image('ftp://example.com/cat.png')) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /must be a data:, https:\/\/, http:\/\/ or s3:\/\/ URL/,
  },
  {
    name: 's3 image without a format extension',
    call: chat({ model: CHAT_MODEL, messages: withImages(image('s3://bucket/cat')) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /the key must end in \.png, \.jpg, \.jpeg, \.gif or \.webp/,
  },
  {
    name: 'remote image with imageFetch off',
    call: chat({ model: CHAT_MODEL, messages: withImages(image('https://example.com/cat.png')) }, { imageFetch: false }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].image_url.url',
    message: /Send a data: URL or an s3:\/\/ URI, or enable imageFetch/,
  },
  {
    name: 'image to a text-only model',
    call: chat({ model: 'nova-micro', messages: withImages(image(dataUrl('image/png', PNG))) }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1]',
    message: /does not support image input on Bedrock/,
  },
  {
    name: 'file by OpenAI file ID',
    call: chat({ model: CHAT_MODEL, messages: withImages({ type: 'file', file: { file_id: 'file-abc' } }) }),
    errorClass: ConfigurationError,
    param: 'messages[0].content[1].file.file_id',
    message: /names an uploaded file, read from the S3 folder `client.files` uses, which is not set up\. Batch inference needs `batch.s3Uri`/,
  },
  {
    name: 'document over Bedrock’s 4.5 MB limit',
    call: chat({
      model: CHAT_MODEL,
      messages: withImages({ type: 'file', file: { filename: 'big.pdf', file_data: dataUrl('application/pdf', padded(PDF_HEADER, 4.5 * 1024 * 1024 + 1)) } }),
    }),
    errorClass: BadRequestError,
    param: 'messages[0].content[1].file.file_data',
    message: /Bedrock accepts documents up to 4\.5 MB/,
  },
  // Sampling and other params.
  {
    name: 'temperature above Bedrock’s 1',
    call: chat({ model: CHAT_MODEL, messages: user, temperature: 1.5 }),
    errorClass: BadRequestError,
    param: 'temperature',
    message: /must be between 0 and 1 on Bedrock .*got 1\.5/,
  },
  { name: 'temperature a string', call: chat({ model: CHAT_MODEL, messages: user, temperature: '0.2' }), errorClass: BadRequestError, param: 'temperature', message: /must be between 0 and 1/ },
  { name: 'top_p above 1', call: chat({ model: CHAT_MODEL, messages: user, top_p: 2 }), errorClass: BadRequestError, param: 'top_p', message: /must be between 0 and 1; got 2/ },
  { name: 'max_tokens 0', call: chat({ model: CHAT_MODEL, messages: user, max_tokens: 0 }), errorClass: BadRequestError, param: 'max_tokens', message: /must be a whole number ≥ 1; got 0/ },
  { name: 'max_tokens fractional', call: chat({ model: CHAT_MODEL, messages: user, max_tokens: 1.5 }), errorClass: BadRequestError, param: 'max_tokens', message: /must be a whole number ≥ 1; got 1\.5/ },
  {
    name: 'max_tokens and max_completion_tokens disagree',
    call: chat({ model: CHAT_MODEL, messages: user, max_tokens: 10, max_completion_tokens: 20 }),
    errorClass: BadRequestError,
    param: 'max_completion_tokens',
    message: /disagree; send one of them/,
  },
  { name: 'stop a number', call: chat({ model: CHAT_MODEL, messages: user, stop: 5 }), errorClass: BadRequestError, param: 'stop', message: /must be a string or an array of strings/ },
  { name: 'stop with an empty string', call: chat({ model: CHAT_MODEL, messages: user, stop: ['END', ''] }), errorClass: BadRequestError, param: 'stop[1]', message: /must be a non-empty string/ },
  { name: 'stream not a boolean', call: chat({ model: CHAT_MODEL, messages: user, stream: 'yes' }), errorClass: BadRequestError, param: 'stream', message: /`stream` must be a boolean/ },
  {
    name: 'stream_options without stream',
    call: chat({ model: CHAT_MODEL, messages: user, stream_options: { include_usage: true } }),
    errorClass: BadRequestError,
    param: 'stream_options',
    message: /only allowed when `stream` is true/,
  },
  {
    name: 'unknown stream option',
    call: chat({ model: CHAT_MODEL, messages: user, stream: true, stream_options: { include_cost: true } }),
    errorClass: BadRequestError,
    param: 'stream_options.include_cost',
    message: /Unrecognized stream option `include_cost`/,
  },
  {
    name: 'misspelt parameter',
    call: chat({ model: CHAT_MODEL, messages: user, temprature: 0.5 }),
    errorClass: BadRequestError,
    param: 'temprature',
    message: /Unrecognized request argument supplied: `temprature`\. Did you mean `temperature`\?/,
  },
  {
    name: 'unknown field of a function tool (not ignored)',
    call: chat({ model: CHAT_MODEL, messages: user, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } }, frob: 1 }] }),
    errorClass: BadRequestError,
    param: 'tools[0].frob',
    message: /^Unknown parameter: `tools\[0\]\.frob`\.$/,
  },
  {
    name: "unknown field of a tool's function (not ignored)",
    call: chat({ model: CHAT_MODEL, messages: user, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' }, returns: 'string' } }] }),
    errorClass: BadRequestError,
    param: 'tools[0].function.returns',
    message: /^Unknown parameter: `tools\[0\]\.function\.returns`\.$/,
  },
  ...(
    [
      ['response_format', { response_format: { type: 'json_object', strict: true } }, 'response_format.strict'],
      ['response_format.json_schema', { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, additionalProperties: false } } }, 'response_format.json_schema.additionalProperties'],
      ['tool_choice', { tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'function', function: { name: 'f' }, strict: true } }, 'tool_choice.strict'],
      ['tool_choice.function', { tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'function', function: { name: 'f', arguments: '{}' } } }, 'tool_choice.function.arguments'],
      ['tool_choice.allowed_tools', { tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'f' } }], max: 1 } } }, 'tool_choice.allowed_tools.max'],
    ] as const
  ).map(([where, extra, param]) => ({
    name: `unknown field of ${where} (not ignored)`,
    call: chat({ model: CHAT_MODEL, messages: user, ...extra }),
    errorClass: BadRequestError,
    param,
    message: new RegExp(`^Unknown parameter: \`${param.replace(/[.[\]]/g, '\\$&')}\`\\.$`),
  })),
  {
    name: 'unknown parameter far from every known one (no one-letter suggestion such as `n`)',
    call: chat({ model: CHAT_MODEL, messages: user, frobnicate: 1 }),
    errorClass: BadRequestError,
    param: 'frobnicate',
    message: /^Unrecognized request argument supplied: `frobnicate`\.$/,
  },
  { name: 'unsupported seed', call: chat({ model: CHAT_MODEL, messages: user, seed: 42 }), errorClass: BadRequestError, param: 'seed', message: /`seed` is not supported on Bedrock: .*set `dropUnsupportedParams: true`/ },
  { name: 'unsupported n > 1', call: chat({ model: CHAT_MODEL, messages: user, n: 2 }), errorClass: BadRequestError, param: 'n', message: /`n` is not supported on Bedrock: .*only `n: 1` is possible.*dropUnsupportedParams/ },
  { name: 'unsupported logprobs', call: chat({ model: CHAT_MODEL, messages: user, logprobs: true }), errorClass: BadRequestError, param: 'logprobs', message: /`logprobs` is not supported on Bedrock: .*dropUnsupportedParams/ },
  { name: 'unsupported logit_bias', call: chat({ model: CHAT_MODEL, messages: user, logit_bias: { 50256: -100 } }), errorClass: BadRequestError, param: 'logit_bias', message: /`logit_bias` is not supported on Bedrock: .*dropUnsupportedParams/ },
  {
    name: 'user with characters Bedrock metadata refuses',
    call: chat({ model: CHAT_MODEL, messages: user, user: 'alice<script>' }),
    errorClass: BadRequestError,
    param: 'user',
    message: /characters Bedrock request metadata does not allow/,
  },
  {
    name: 'embedding model for chat',
    call: chat({ model: EMBEDDING_MODEL, messages: user }),
    errorClass: BadRequestError,
    param: 'model',
    message: /is an embedding model; chat completions need a chat model/,
  },
  {
    name: 'tools for a model without tool use',
    call: chat({ model: 'mistral-7b', messages: user, tools: [{ type: 'function', function: { name: 'lookup' } }] }),
    errorClass: BadRequestError,
    param: 'tools',
    message: /does not support tool use on Bedrock/,
  },
];

const EMBEDDING_CASES: Case[] = [
  { name: 'input missing', call: embed({ model: EMBEDDING_MODEL }), errorClass: BadRequestError, param: 'input', message: /must be a string or an array of strings/ },
  { name: 'input empty string', call: embed({ model: EMBEDDING_MODEL, input: '' }), errorClass: BadRequestError, param: 'input', message: /must not be an empty string/ },
  { name: 'input empty array', call: embed({ model: EMBEDDING_MODEL, input: [] }), errorClass: BadRequestError, param: 'input', message: /must hold at least one string/ },
  { name: 'input of token IDs', call: embed({ model: EMBEDDING_MODEL, input: [1, 2, 3] }), errorClass: BadRequestError, param: 'input', message: /is a token array; .*pass the string itself/ },
  { name: 'an empty input among others', call: embed({ model: EMBEDDING_MODEL, input: ['a', ''] }), errorClass: BadRequestError, param: 'input[1]', message: /is an empty string; every input must hold text/ },
  { name: 'an input that is an object', call: embed({ model: EMBEDDING_MODEL, input: ['a', { text: 'b' }] }), errorClass: BadRequestError, param: 'input[1]', message: /must be a string/ },
  { name: 'model missing', call: embed({ input: 'x' }), errorClass: BadRequestError, param: 'model', message: /`model` must be a model alias, model ID, profile ID or ARN/ },
  { name: 'chat model for embeddings', call: embed({ model: CHAT_MODEL, input: 'x' }), errorClass: BadRequestError, param: 'model', message: /is a chat model, not an embedding model/ },
  {
    name: 'dimensions the model does not allow',
    call: embed({ model: EMBEDDING_MODEL, input: 'x', dimensions: 768 }),
    errorClass: BadRequestError,
    param: 'dimensions',
    message: /256, 512, 1024/,
  },
  {
    name: 'dimensions negative',
    call: embed({ model: EMBEDDING_MODEL, input: 'x', dimensions: -1 }),
    errorClass: BadRequestError,
    param: 'dimensions',
    message: /must be a positive whole number; got -1/,
  },
  { name: 'dimensions fractional', call: embed({ model: EMBEDDING_MODEL, input: 'x', dimensions: 256.5 }), errorClass: BadRequestError, param: 'dimensions', message: /must be a positive whole number/ },
  { name: 'dimensions on a fixed-size model', call: embed({ model: 'titan-embed-text', input: 'x', dimensions: 1024 }), errorClass: BadRequestError, param: 'dimensions', message: /must be 1536/ },
  { name: 'encoding_format unknown', call: embed({ model: EMBEDDING_MODEL, input: 'x', encoding_format: 'hex' }), errorClass: BadRequestError, param: 'encoding_format', message: /must be "float" or "base64"; got "hex"/ },
  { name: 'misspelt parameter', call: embed({ model: EMBEDDING_MODEL, input: 'x', dimension: 256 }), errorClass: BadRequestError, param: 'dimension', message: /Unrecognized request argument supplied: `dimension`/ },
  { name: 'bedrock.inputType unknown', call: embed({ model: 'embed-english', input: 'x', bedrock: { inputType: 'question' } }), errorClass: BadRequestError, param: 'bedrock.inputType', message: /must be one of/ },
  { name: 'bedrock.normalize on Cohere', call: embed({ model: 'embed-english', input: 'x', bedrock: { normalize: true } }), errorClass: BadRequestError, param: 'bedrock.normalize', message: /applies only to Titan Text Embeddings V2/ },
  { name: 'user too long', call: embed({ model: EMBEDDING_MODEL, input: 'x', user: 'u'.repeat(257) }), errorClass: BadRequestError, param: 'user', message: /at most 256/ },
  { name: 'concurrency 0', call: embed({ model: EMBEDDING_MODEL, input: 'x' }, { concurrency: 0 }), errorClass: BadRequestError, param: 'concurrency', message: /must be a whole number from 1 to 256; got 0/ },
];

const OPTION_CASES: Case[] = [
  { name: 'per-request maxRetries fractional', call: chat({ model: CHAT_MODEL, messages: user }, { maxRetries: 1.5 }), errorClass: ConfigurationError, param: 'maxRetries', message: /must be a whole number ≥ 0/ },
  { name: 'per-request timeout negative', call: chat({ model: CHAT_MODEL, messages: user }, { timeout: -5 }), errorClass: ConfigurationError, param: 'timeout', message: /must be a number of milliseconds > 0/ },
  {
    name: 'per-request imageFetch.maxBytes 0',
    call: chat({ model: CHAT_MODEL, messages: user }, { imageFetch: { maxBytes: 0 } }),
    errorClass: ConfigurationError,
    param: 'imageFetch.maxBytes',
    message: /must be a whole number of bytes ≥ 1/,
  },
  { name: 'client maxRetries -1', call: () => clientWith({ maxRetries: -1 }), errorClass: ConfigurationError, param: 'maxRetries', message: /must be a whole number ≥ 0; got -1/ },
  { name: 'client timeout 0', call: () => clientWith({ timeout: 0 }), errorClass: ConfigurationError, param: 'timeout', message: /must be a number of milliseconds > 0; got 0/ },
  {
    name: 'client streamIdleTimeout negative',
    call: () => clientWith({ streamIdleTimeout: -1 }),
    errorClass: ConfigurationError,
    param: 'streamIdleTimeout',
    message: /must be a number of milliseconds ≥ 0 \(0 turns it off\)/,
  },
  { name: 'client crossRegion unknown', call: () => clientWith({ crossRegion: 'sometimes' as never }), errorClass: ConfigurationError, param: 'crossRegion', message: /must be "auto", "off" or "global"/ },
  { name: 'client logLevel unknown', call: () => clientWith({ logLevel: 'verbose' as never }), errorClass: ConfigurationError, param: 'logLevel', message: /must be one of off, error, warn, info, debug/ },
  { name: 'client region blank', call: () => clientWith({ region: ' ' }), errorClass: ConfigurationError, param: 'region', message: /`region` must be a non-empty string/ },
  { name: 'client endpoint not http(s)', call: () => clientWith({ endpoint: 'ftp://127.0.0.1:1' }), errorClass: ConfigurationError, param: 'endpoint', message: /is not an http\(s\) URL/ },
  {
    name: 'apiKey and credentials together',
    call: () => clientWith({ apiKey: emulator.apiKey, credentials: emulator.credentials }),
    errorClass: ConfigurationError,
    param: 'apiKey, credentials',
    message: /Pass only one of `apiKey` and `credentials`/,
  },
  {
    name: 'credentials and profile together',
    call: () => clientWith({ credentials: emulator.credentials, profile: 'team' }),
    errorClass: ConfigurationError,
    param: 'credentials, profile',
    message: /Pass only one of `credentials` and `profile`/,
  },
  {
    name: 'apiKey and profile together',
    call: () => clientWith({ credentials: undefined, apiKey: emulator.apiKey, profile: 'team' }),
    errorClass: ConfigurationError,
    param: 'apiKey, profile',
    message: /Pass only one of `apiKey` and `profile`/,
  },
  {
    name: 'credentials without a secret key',
    call: () => clientWith({ credentials: { accessKeyId: 'AKIDONLYTHEKEYID0001' } as never }),
    errorClass: ConfigurationError,
    param: 'credentials.secretAccessKey',
    message: /needs both accessKeyId and secretAccessKey; secretAccessKey is missing/,
  },
  {
    name: 'credentials with a non-string session token',
    call: () => clientWith({ credentials: { ...emulator.credentials, sessionToken: 42 as never } }),
    errorClass: ConfigurationError,
    param: 'credentials.sessionToken',
    message: /must be a string/,
  },
  { name: 'apiKey empty', call: () => clientWith({ credentials: undefined, apiKey: '' }), errorClass: ConfigurationError, param: 'apiKey', message: /must be a non-empty string \(a Bedrock API key\)/ },
];

const BEDROCK_JSON_CASES: Case[] = [
  { name: 'configFile that does not exist', call: () => clientWith({ configFile: join(dir, 'missing.json') }), errorClass: ConfigurationError, param: 'configFile', message: /bedrock\.json not found: .*missing\.json/ },
  {
    name: 'invalid JSON (trailing comma)',
    call: () => clientWith({ configFile: bedrockJson('{"region": "eu-west-1",}') }),
    errorClass: ConfigurationError,
    param: 'bedrock.json',
    message: /Invalid JSON in .*bedrock-\d+\.json at line 1, column \d+/,
  },
  { name: 'a JSON array', call: () => clientWith({ configFile: bedrockJson('[]') }), errorClass: ConfigurationError, param: 'bedrock.json', message: /must hold a JSON object/ },
  {
    name: 'a misspelt key',
    call: () => clientWith({ configFile: bedrockJson('{"regoin": "eu-west-1"}') }),
    errorClass: ConfigurationError,
    param: 'regoin',
    message: /Unknown key "regoin".*Did you mean "region"\?/,
  },
  {
    name: 'a secret in bedrock.json',
    call: () => clientWith({ configFile: bedrockJson('{"apiKey": "bedrock-api-key-c2VjcmV0"}') }),
    errorClass: ConfigurationError,
    param: 'apiKey',
    message: /Unknown key "apiKey"/,
  },
  {
    name: 'maxRetries as a string',
    call: () => clientWith({ configFile: bedrockJson('{"maxRetries": "3"}') }),
    errorClass: ConfigurationError,
    param: 'maxRetries',
    message: /"maxRetries" in .* must be a whole number ≥ 0; got the string "3"/,
  },
  {
    name: 'timeout negative',
    call: () => clientWith({ configFile: bedrockJson('{"timeout": -1}') }),
    errorClass: ConfigurationError,
    param: 'timeout',
    message: /"timeout" in .* must be a whole number of milliseconds > 0/,
  },
  {
    name: 'crossRegion unknown',
    call: () => clientWith({ configFile: bedrockJson('{"crossRegion": "everywhere"}') }),
    errorClass: ConfigurationError,
    param: 'crossRegion',
    message: /must be one of "auto", "off", "global"/,
  },
  {
    name: 'an alias with an unknown key',
    call: () => clientWith({ configFile: bedrockJson('{"aliases": {"bot": {"id": "x", "base": "y"}}}') }),
    errorClass: ConfigurationError,
    param: 'aliases.bot',
    message: /Unknown key "base" in "aliases\.bot".*an alias takes "id" and "baseModel"/,
  },
  {
    name: 'an alias that is a number',
    call: () => clientWith({ configFile: bedrockJson('{"aliases": {"bot": 7}}') }),
    errorClass: ConfigurationError,
    param: 'aliases.bot',
    message: /must be a model ID string or \{ "id": \.\.\., "baseModel": \.\.\. \}/,
  },
];

const CASES: Case[] = [
  ...CHAT_CASES.map((entry) => ({ ...entry, name: `chat: ${entry.name}` })),
  ...EMBEDDING_CASES.map((entry) => ({ ...entry, name: `embeddings: ${entry.name}` })),
  ...OPTION_CASES.map((entry) => ({ ...entry, name: `options: ${entry.name}` })),
  ...BEDROCK_JSON_CASES.map((entry) => ({ ...entry, name: `bedrock.json: ${entry.name}` })),
];

describe('bad input: a clear error, and nothing sent', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((entry) => entry.name)).size, 'case names are unique').toBe(CASES.length);
  });

  for (const { name, call, errorClass, param, message, knownBug } of CASES) {
    (knownBug === undefined ? it : it.fails)(`${name} → ${param}`, async () => {
      const error = await rejection((async () => call())());
      expect(totalRequests(emulator)).toBe(0);
      expect(error).toBeInstanceOf(errorClass);
      expect((error as BadRequestError).param).toBe(param);
      expect((error as BadRequestError).status).toBe(400);
      expect((error as Error).message).toMatch(message);
    });
  }
});

