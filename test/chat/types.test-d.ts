/**
 * Our chat types and `openai`'s pass both ways: code typed against `openai` compiles against this package, and our
 * results can be handed to code that expects `openai`'s types.
 */
import type * as OpenAI from 'openai/resources/chat/completions';
import type { CompletionUsage as OpenAICompletionUsage } from 'openai/resources/completions';
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

  it('our params are openai params', () => {
    expectTypeOf<Ours.ChatCompletionCreateParamsNonStreaming>().toExtend<OpenAI.ChatCompletionCreateParamsNonStreaming>();
    expectTypeOf<Ours.ChatCompletionCreateParamsStreaming>().toExtend<OpenAI.ChatCompletionCreateParamsStreaming>();
    expectTypeOf<Ours.ChatCompletionCreateParamsBase>().toExtend<OpenAI.ChatCompletionCreateParamsBase>();
    expectTypeOf<Ours.ChatCompletionMessageParam>().toExtend<OpenAI.ChatCompletionMessageParam>();
    expectTypeOf<Ours.ChatCompletionTool>().toExtend<OpenAI.ChatCompletionTool>();
    expectTypeOf<Ours.ChatCompletionToolChoiceOption>().toExtend<OpenAI.ChatCompletionToolChoiceOption>();
    expectTypeOf<Ours.ChatCompletionContentPart>().toExtend<OpenAI.ChatCompletionContentPart>();
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

  it('takes params typed against openai', () => {
    const params = null as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
    expectTypeOf(create(params)).toEqualTypeOf<APIPromise<Ours.ChatCompletion>>();
    const streaming = null as unknown as OpenAI.ChatCompletionCreateParamsStreaming;
    expectTypeOf(create(streaming)).toEqualTypeOf<APIPromise<Stream<Ours.ChatCompletionChunk>>>();
  });

  it('takes per-request chat options', () => {
    expectTypeOf(create).toBeCallableWith({ model: 'x', messages }, { dropUnsupportedParams: true, imageFetch: false, maxRetries: 0 });
  });
});
