/**
 * Our chat types and `openai`'s pass both ways: code typed against `openai` compiles against this package, and our
 * results can be handed to code that expects `openai`'s types. Checked against the newest `openai` 6.x (`openai`)
 * and 7.x (`openai-v7`, a type-only alias: 7.x needs Node 22 to run).
 *
 * Where 6.x and 7.x differ, our params take the union (so both versions' params are ours) and our results stay
 * within what both versions accept (so our results are both versions' results). That leaves two directions that
 * cannot hold and are not asserted: our params as 6.x params (7.x-only values such as `service_tier: 'fast'`) and
 * 7.x results as ours (7.x-only values such as `service_tier: 'fast'` in a response).
 */
import type * as OpenAI from 'openai/resources/chat/completions';
import type { CompletionUsage as OpenAICompletionUsage } from 'openai/resources/completions';
import type * as OpenAI7 from 'openai-v7/resources/chat/completions';
import type * as Shared from 'openai/resources/shared';
import type * as Shared7 from 'openai-v7/resources/shared';
import type { CompletionUsage as OpenAI7CompletionUsage } from 'openai-v7/resources/completions';
import { describe, expectTypeOf, it } from 'vitest';
import type { Client } from '../../src/client.js';
import type { APIPromise } from '../../src/core/api-promise.js';
import type { Stream } from '../../src/core/streaming.js';
import type * as Ours from '../../src/chat/types.js';

describe('params', () => {
  it('openai params are our params', () => {
    expectTypeOf<OpenAI.ChatCompletionCreateParamsNonStreaming>().toExtend<Ours.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<OpenAI.ChatCompletionCreateParamsStreaming>().toExtend<Ours.ChatCompletionCreateParamsStreaming>();
    expectTypeOf<OpenAI.ChatCompletionCreateParamsBase>().toExtend<Ours.ChatCompletionCreateParamsBase>();
    expectTypeOf<OpenAI.ChatCompletionCreateParams>().toExtend<Ours.ChatCompletionCreateParams>();
    expectTypeOf<OpenAI.ChatCompletionMessageParam>().toExtend<Ours.ChatCompletionMessageParam>();
    expectTypeOf<OpenAI.ChatCompletionTool>().toExtend<Ours.ChatCompletionTool>();
    expectTypeOf<OpenAI.ChatCompletionToolChoiceOption>().toExtend<Ours.ChatCompletionToolChoiceOption>();
    expectTypeOf<OpenAI.ChatCompletionContentPart>().toExtend<Ours.ChatCompletionContentPart>();
  });

  it('openai 7.x params are our params', () => {
    expectTypeOf<OpenAI7.ChatCompletionCreateParamsNonStreaming>().toExtend<Ours.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<OpenAI7.ChatCompletionCreateParamsStreaming>().toExtend<Ours.ChatCompletionCreateParamsStreaming>();
    expectTypeOf<OpenAI7.ChatCompletionCreateParamsBase>().toExtend<Ours.ChatCompletionCreateParamsBase>();
    expectTypeOf<OpenAI7.ChatCompletionCreateParams>().toExtend<Ours.ChatCompletionCreateParams>();
    expectTypeOf<OpenAI7.ChatCompletionMessageParam>().toExtend<Ours.ChatCompletionMessageParam>();
    expectTypeOf<OpenAI7.ChatCompletionTool>().toExtend<Ours.ChatCompletionTool>();
    expectTypeOf<OpenAI7.ChatCompletionToolChoiceOption>().toExtend<Ours.ChatCompletionToolChoiceOption>();
    expectTypeOf<OpenAI7.ChatCompletionContentPart>().toExtend<Ours.ChatCompletionContentPart>();
  });

  it('every field of an openai function tool is a key of ours (the converter refuses keys it does not know)', () => {
    expectTypeOf<Exclude<keyof OpenAI.ChatCompletionFunctionTool, keyof Ours.ChatCompletionFunctionTool>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ChatCompletionFunctionTool, keyof Ours.ChatCompletionFunctionTool>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ChatCompletionFunctionTool['function'], keyof Ours.FunctionDefinition>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ChatCompletionFunctionTool['function'], keyof Ours.FunctionDefinition>>().toEqualTypeOf<never>();
  });

  it('every field of openai response formats and tool choices is a key of ours (the converter refuses keys it does not know)', () => {
    expectTypeOf<Exclude<keyof Shared.ResponseFormatText, keyof Ours.ResponseFormatText>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Shared.ResponseFormatJSONObject, keyof Ours.ResponseFormatJSONObject>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Shared.ResponseFormatJSONSchema, keyof Ours.ResponseFormatJSONSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Shared.ResponseFormatJSONSchema['json_schema'], keyof Ours.ResponseFormatJSONSchema['json_schema']>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Shared7.ResponseFormatJSONSchema, keyof Ours.ResponseFormatJSONSchema>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Shared7.ResponseFormatJSONSchema['json_schema'], keyof Ours.ResponseFormatJSONSchema['json_schema']>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ChatCompletionNamedToolChoice, keyof Ours.ChatCompletionNamedToolChoice>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ChatCompletionNamedToolChoice['function'], keyof Ours.ChatCompletionNamedToolChoice['function']>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ChatCompletionAllowedToolChoice, keyof Ours.ChatCompletionAllowedToolChoice>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI.ChatCompletionAllowedToolChoice['allowed_tools'], keyof Ours.ChatCompletionAllowedToolChoice['allowed_tools']>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ChatCompletionNamedToolChoice, keyof Ours.ChatCompletionNamedToolChoice>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OpenAI7.ChatCompletionAllowedToolChoice['allowed_tools'], keyof Ours.ChatCompletionAllowedToolChoice['allowed_tools']>>().toEqualTypeOf<never>();
  });

  it('the 6.49 fields that 6.30 lacked or typed differently are ours', () => {
    expectTypeOf<{ model: 'm'; messages: []; prompt_cache_key: null; safety_identifier: null; reasoning_effort: 'max'; prompt_cache_retention: 'in_memory' }>().toExtend<Ours.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<{ model: 'm'; messages: []; moderation: { model: 'omni-moderation-latest' }; prompt_cache_options: { mode: 'explicit' } }>().toExtend<Ours.ChatCompletionCreateParamsNonStreaming>();
    // The spelling of `openai` < 6.49 still compiles.
    expectTypeOf<{ model: 'm'; messages: []; prompt_cache_retention: 'in-memory' }>().toExtend<Ours.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<{ type: 'text'; text: 'x'; prompt_cache_breakpoint: { mode: 'explicit' } }>().toExtend<Ours.ChatCompletionContentPart>();
  });

  it('our params are openai 7.x params, but for the deprecated spelling prompt_cache_retention "in-memory"', () => {
    type Current<T> = Omit<T, 'prompt_cache_retention'> & { prompt_cache_retention?: 'in_memory' | '24h' | null };
    expectTypeOf<Current<Ours.ChatCompletionCreateParamsNonStreaming>>().toExtend<OpenAI7.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<Current<Ours.ChatCompletionCreateParamsStreaming>>().toExtend<OpenAI7.ChatCompletionCreateParamsStreaming>();
    expectTypeOf<Current<Ours.ChatCompletionCreateParamsBase>>().toExtend<OpenAI7.ChatCompletionCreateParamsBase>();
    expectTypeOf<Ours.ChatCompletionCreateParamsBase>().not.toExtend<OpenAI7.ChatCompletionCreateParamsBase>();
    expectTypeOf<Ours.ChatCompletionMessageParam>().toExtend<OpenAI7.ChatCompletionMessageParam>();
    expectTypeOf<Ours.ChatCompletionTool>().toExtend<OpenAI7.ChatCompletionTool>();
    expectTypeOf<Ours.ChatCompletionToolChoiceOption>().toExtend<OpenAI7.ChatCompletionToolChoiceOption>();
    expectTypeOf<Ours.ChatCompletionContentPart>().toExtend<OpenAI7.ChatCompletionContentPart>();
  });

  it('our tools and tool choices are openai 6.x ones too (parts are not: 7.x added image detail "original")', () => {
    expectTypeOf<Ours.ChatCompletionTool>().toExtend<OpenAI.ChatCompletionTool>();
    expectTypeOf<Ours.ChatCompletionToolChoiceOption>().toExtend<OpenAI.ChatCompletionToolChoiceOption>();
  });

  it('our Bedrock extras are not part of openai params, and stay optional', () => {
    expectTypeOf<Ours.ChatCompletionCreateParamsBase['bedrock']>().toEqualTypeOf<Ours.BedrockChatExtras | undefined>();
  });

  it('takes cache_control on messages, parts and tools, and stays an openai param with it', () => {
    const params = {
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'system' as const, content: [{ type: 'text' as const, text: 'Rules', cache_control: { type: 'ephemeral' as const, ttl: '1h' as const } }] },
        { role: 'user' as const, content: 'Hi', cache_control: { type: 'ephemeral' as const } },
      ],
      tools: [{ type: 'function' as const, function: { name: 'f' }, cache_control: { type: 'ephemeral' as const } }],
      reasoning_effort: 'low' as const,
      response_format: { type: 'json_schema' as const, json_schema: { name: 'x', schema: {} } },
      bedrock: { cache: 'auto' as const, guardrail: { guardrailIdentifier: 'g', guardrailVersion: '1' } },
    };
    expectTypeOf(params).toExtend<Ours.ChatCompletionCreateParamsNonStreaming>();
    const { bedrock: _bedrock, ...openAIParams } = params;
    expectTypeOf(openAIParams).toExtend<OpenAI.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf(openAIParams).toExtend<OpenAI7.ChatCompletionCreateParamsNonStreaming>();
  });

  it('takes reasoning_details back on assistant messages', () => {
    expectTypeOf<{ role: 'assistant'; content: string; reasoning_details: Ours.ChatCompletionReasoningDetail[] }>().toExtend<Ours.ChatCompletionAssistantMessageParam>();
    expectTypeOf<Ours.ChatCompletionAssistantMessageParam>().toExtend<OpenAI.ChatCompletionAssistantMessageParam>();
  });
});

describe('results', () => {
  it('our results are openai results', () => {
    expectTypeOf<Ours.ChatCompletion>().toExtend<OpenAI.ChatCompletion>();
    expectTypeOf<Ours.ChatCompletionChunk>().toExtend<OpenAI.ChatCompletionChunk>();
    expectTypeOf<Ours.ChatCompletionMessage>().toExtend<OpenAI.ChatCompletionMessage>();
    expectTypeOf<Ours.CompletionUsage>().toExtend<OpenAICompletionUsage>();
  });

  it('our results are openai 7.x results', () => {
    expectTypeOf<Ours.ChatCompletion>().toExtend<OpenAI7.ChatCompletion>();
    expectTypeOf<Ours.ChatCompletionChunk>().toExtend<OpenAI7.ChatCompletionChunk>();
    expectTypeOf<Ours.ChatCompletionMessage>().toExtend<OpenAI7.ChatCompletionMessage>();
    expectTypeOf<Ours.CompletionUsage>().toExtend<OpenAI7CompletionUsage>();
  });

  it('openai results are our results', () => {
    expectTypeOf<OpenAI.ChatCompletion>().toExtend<Ours.ChatCompletion>();
    expectTypeOf<OpenAI.ChatCompletionChunk>().toExtend<Ours.ChatCompletionChunk>();
    expectTypeOf<OpenAI.ChatCompletionMessage>().toExtend<Ours.ChatCompletionMessage>();
    expectTypeOf<OpenAICompletionUsage>().toExtend<Ours.CompletionUsage>();
  });

  it('an assistant message from a completion can be sent back as a message param, reasoning blocks included', () => {
    expectTypeOf<Ours.ChatCompletionMessage>().toExtend<Ours.ChatCompletionMessageParam>();
    expectTypeOf<Ours.ChatCompletionMessage['reasoning_details']>().toExtend<Ours.ChatCompletionAssistantMessageParam['reasoning_details']>();
  });

  it('a streamed delta carries the same reasoning blocks as a message', () => {
    expectTypeOf<Ours.ChatCompletionChunkDelta['reasoning_details']>().toEqualTypeOf<Ours.ChatCompletionMessage['reasoning_details']>();
  });
});

describe('create overloads', () => {
  type Create = Client['chat']['completions']['create'];
  const create = null as unknown as Create;
  const messages = [{ role: 'user' as const, content: 'Hi' }];

  it('picks the return type from `stream`', () => {
    expectTypeOf(create({ model: 'claude-sonnet-4-5', messages })).toEqualTypeOf<APIPromise<Ours.ChatCompletion>>();
    expectTypeOf(create({ model: 'claude-sonnet-4-5', messages, stream: false })).toEqualTypeOf<APIPromise<Ours.ChatCompletion>>();
    expectTypeOf(create({ model: 'claude-sonnet-4-5', messages, stream: true })).toEqualTypeOf<APIPromise<Stream<Ours.ChatCompletionChunk>>>();
    const flag = Math.random() > 0.5;
    expectTypeOf(create({ model: 'claude-sonnet-4-5', messages, stream: flag })).toEqualTypeOf<APIPromise<Stream<Ours.ChatCompletionChunk> | Ours.ChatCompletion>>();
  });

  it('takes params typed against openai 6.x and 7.x', () => {
    const params = null as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
    expectTypeOf(create(params)).toEqualTypeOf<APIPromise<Ours.ChatCompletion>>();
    const streaming = null as unknown as OpenAI.ChatCompletionCreateParamsStreaming;
    expectTypeOf(create(streaming)).toEqualTypeOf<APIPromise<Stream<Ours.ChatCompletionChunk>>>();
    const params7 = null as unknown as OpenAI7.ChatCompletionCreateParamsNonStreaming;
    expectTypeOf(create(params7)).toEqualTypeOf<APIPromise<Ours.ChatCompletion>>();
    const streaming7 = null as unknown as OpenAI7.ChatCompletionCreateParamsStreaming;
    expectTypeOf(create(streaming7)).toEqualTypeOf<APIPromise<Stream<Ours.ChatCompletionChunk>>>();
  });

  it('takes per-request chat options', () => {
    expectTypeOf(create).toBeCallableWith({ model: 'x', messages }, { dropUnsupportedParams: true, imageFetch: false, maxRetries: 0 });
  });
});
