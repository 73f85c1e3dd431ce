/**
 * Our Responses types and `openai`'s: what we return can be handed to code typed against `openai`, and the
 * params, items and tools of `openai` that Bedrock can serve are ours.
 */
import type * as OpenAI from 'openai/resources/responses/responses';
import type * as InputTokens from 'openai/resources/responses/input-tokens';
import { describe, expectTypeOf, it } from 'vitest';
import type { Client } from '../../src/client.js';
import type { APIPromise } from '../../src/core/api-promise.js';
import type { Stream } from '../../src/core/streaming.js';
import type * as Ours from '../../src/responses/types.js';
import type * as Chat from 'openai/resources/chat/completions/completions';
import type * as Embeddings from 'openai/resources/embeddings';
import type * as OpenAI7 from 'openai-v7/resources/responses/responses';
import type * as Chat7 from 'openai-v7/resources/chat/completions/completions';
import type * as Embeddings7 from 'openai-v7/resources/embeddings';
import type * as OursChat from '../../src/chat/types.js';
import type * as OursEmbeddings from '../../src/embeddings/types.js';

describe('results', () => {
  it('our results are openai results', () => {
    expectTypeOf<Ours.Response>().toExtend<OpenAI.Response>();
    expectTypeOf<Ours.ResponseStreamEvent>().toExtend<OpenAI.ResponseStreamEvent>();
    expectTypeOf<Ours.ResponseOutputItem>().toExtend<OpenAI.ResponseOutputItem>();
    expectTypeOf<Ours.ResponseUsage>().toExtend<OpenAI.ResponseUsage>();
    expectTypeOf<Ours.InputTokenCountResponse>().toExtend<InputTokens.InputTokenCountResponse>();
  });

  it('our output items can be sent back as openai input items', () => {
    expectTypeOf<Ours.ResponseOutputItem>().toExtend<OpenAI.ResponseInputItem>();
  });
});

describe('params', () => {
  it('openai items and tools that Bedrock serves are ours', () => {
    expectTypeOf<OpenAI.EasyInputMessage>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.ResponseInputItem.Message>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.ResponseOutputMessage>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.ResponseFunctionToolCall>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.ResponseInputItem.FunctionCallOutput>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.ResponseReasoningItem>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.ResponseInputItem.ItemReference>().toExtend<Ours.ResponseInputItem>();
    expectTypeOf<OpenAI.FunctionTool>().toExtend<Ours.Tool>();
    expectTypeOf<OpenAI.ToolChoiceFunction>().toExtend<Ours.ResponseToolChoice>();
    expectTypeOf<OpenAI.ToolChoiceAllowed>().toExtend<Ours.ResponseToolChoice>();
    expectTypeOf<OpenAI.ToolChoiceOptions>().toExtend<Ours.ResponseToolChoice>();
    expectTypeOf<OpenAI.ResponseTextConfig>().toExtend<Ours.ResponseTextConfig>();
    expectTypeOf<OpenAI.ResponseIncludable>().toEqualTypeOf<Ours.ResponseIncludable>();
  });

  it('our params are openai params (built-in tools and items are typed loosely here, to be refused by name)', () => {
    // `prompt_cache_retention`: ours also types the pre-6.49 spelling `'in-memory'`.
    type Served = 'bedrock' | 'tools' | 'input' | 'tool_choice' | 'prompt_cache_retention';
    expectTypeOf<Omit<Ours.ResponseCreateParamsNonStreaming, Served>>().toExtend<Omit<OpenAI.ResponseCreateParamsNonStreaming, Served>>();
    expectTypeOf<Omit<Ours.ResponseCreateParamsStreaming, Served>>().toExtend<Omit<OpenAI.ResponseCreateParamsStreaming, Served>>();
    expectTypeOf<Ours.FunctionTool>().toExtend<OpenAI.Tool>();
    expectTypeOf<Exclude<Ours.ResponseInputItem, Ours.ResponseUnsupportedInputItem>>().toExtend<OpenAI.ResponseInputItem>();
  });
});

describe('every openai param is known by name', () => {
  // A param of `openai`'s that our types lack is refused as "Unknown parameter" (a typo's answer) instead of served
  // or refused as unsupported with the reason; `top_logprobs` (6.x) and `max_tool_calls`, `background_options`,
  // `access_programs`, `image` (7.x) once were.
  it('Responses, chat completions and embeddings, of openai 6 and 7', () => {
    expectTypeOf<Exclude<keyof OpenAI.ResponseCreateParamsBase, keyof Ours.ResponseCreateParamsBase>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Chat.ChatCompletionCreateParamsBase, keyof OursChat.ChatCompletionCreateParamsBase>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Embeddings.EmbeddingCreateParams, keyof OursEmbeddings.EmbeddingCreateParams>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ResponseCreateParamsBase, keyof Ours.ResponseCreateParamsBase>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Chat7.ChatCompletionCreateParamsBase, keyof OursChat.ChatCompletionCreateParamsBase>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Embeddings7.EmbeddingCreateParams, keyof OursEmbeddings.EmbeddingCreateParams>>().toEqualTypeOf<never>();
  });

  it('nested objects whose unknown keys are refused: text, its formats, tool choices, stream options', () => {
    expectTypeOf<Exclude<keyof OpenAI.ResponseTextConfig, keyof Ours.ResponseTextConfig>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ResponseTextConfig, keyof Ours.ResponseTextConfig>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ResponseFormatTextJSONSchemaConfig, keyof Ours.ResponseFormatTextJSONSchemaConfig>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ResponseFormatTextJSONSchemaConfig, keyof Ours.ResponseFormatTextJSONSchemaConfig>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ToolChoiceFunction, keyof Ours.ToolChoiceFunction>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ToolChoiceFunction, keyof Ours.ToolChoiceFunction>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ToolChoiceAllowed, keyof Ours.ToolChoiceAllowed>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ToolChoiceAllowed, keyof Ours.ToolChoiceAllowed>>().toEqualTypeOf<never>();
    type Options<T extends { stream_options?: unknown }> = keyof NonNullable<T['stream_options']>;
    expectTypeOf<Exclude<Options<OpenAI.ResponseCreateParamsBase>, Options<Ours.ResponseCreateParamsBase>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<Options<OpenAI7.ResponseCreateParamsBase>, Options<Ours.ResponseCreateParamsBase>>>().toEqualTypeOf<never>();
  });

  it('nested objects whose unknown keys are refused: function tools and reasoning', () => {
    expectTypeOf<Exclude<keyof OpenAI.FunctionTool, keyof Ours.FunctionTool>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.FunctionTool, keyof Ours.FunctionTool>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof NonNullable<OpenAI.ResponseCreateParamsBase['reasoning']>, keyof Ours.Reasoning>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof NonNullable<OpenAI7.ResponseCreateParamsBase['reasoning']>, keyof Ours.Reasoning>>().toEqualTypeOf<never>();
  });
});

describe('create overloads', () => {
  it('picks the result type from stream', () => {
    const client = {} as Client;
    expectTypeOf(client.responses.create({ model: 'm', input: 'x' })).toEqualTypeOf<APIPromise<Ours.Response>>();
    expectTypeOf(client.responses.create({ model: 'm', input: 'x', stream: true })).toEqualTypeOf<APIPromise<Stream<Ours.ResponseStreamEvent>>>();
  });
});
