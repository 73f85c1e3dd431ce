/**
 * A Converse response → the Responses API's `Response`, through the same event mapper as a stream
 * (`stream-events.ts`): the response is cut into the ConverseStream events it is made of and fed to the mapper, so
 * that the two paths cannot disagree.
 */
import type { ConverseResponse, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { BedrockOpenAIError } from '../core/errors.js';
import { createResponseEventMapper, type ResponseEventContext } from './stream-events.js';
import type { Response, ResponseStreamEvent } from './types.js';

/**
 * A Converse response → the `Response` (with every `encrypted_content`, for the store) and the one shown, by
 * feeding the mapper the events that make up the same answer.
 */
export function convertConverseResponse(response: Omit<ConverseResponse, never>, context: ResponseEventContext): { shown: Response; stored: Response } {
  const mapper = createResponseEventMapper({ ...context, quiet: true });
  let last: ResponseStreamEvent | undefined;
  for (const event of eventsOf(response, context.requestId)) last = mapper.map(event).at(-1) ?? last;
  last = mapper.end().at(-1) ?? last;
  const stored = mapper.stored();
  if (stored === undefined || last === undefined || !('response' in last)) throw new BedrockOpenAIError('The response could not be assembled.');
  return { shown: last.response, stored };
}

/** The ConverseStream events a Converse response is made of (each block whole, in one delta). */
function* eventsOf(response: Omit<ConverseResponse, never>, requestId: string | null): Generator<ConverseStreamOutput> {
  const blocks = response.output?.message?.content;
  if (blocks === undefined) {
    throw new BedrockOpenAIError(`Bedrock returned a Converse response without a message${requestId === null ? '' : ` (request ${requestId})`}.`);
  }
  yield { messageStart: { role: 'assistant' } };
  let index = 0;
  for (const block of blocks) {
    const contentBlockIndex = index++;
    if (block.text !== undefined) yield { contentBlockDelta: { contentBlockIndex, delta: { text: block.text } } };
    else if (block.toolUse !== undefined) {
      yield { contentBlockStart: { contentBlockIndex, start: { toolUse: { toolUseId: block.toolUse.toolUseId, name: block.toolUse.name } } } };
      yield { contentBlockDelta: { contentBlockIndex, delta: { toolUse: { input: JSON.stringify(block.toolUse.input ?? {}) } } } };
    } else if (block.reasoningContent !== undefined) {
      const { reasoningText, redactedContent } = block.reasoningContent;
      if (redactedContent !== undefined) yield { contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { redactedContent } } } };
      else if (reasoningText !== undefined) {
        yield { contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { text: reasoningText.text ?? '' } } } };
        if (reasoningText.signature !== undefined) yield { contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { signature: reasoningText.signature } } } };
      }
    } else if (block.citationsContent?.content !== undefined) {
      for (const part of block.citationsContent.content) if (part.text !== undefined) yield { contentBlockDelta: { contentBlockIndex, delta: { text: part.text } } };
    }
    yield { contentBlockStop: { contentBlockIndex } };
  }
  yield { messageStop: { stopReason: response.stopReason, additionalModelResponseFields: response.additionalModelResponseFields } };
  yield {
    metadata: {
      usage: response.usage,
      metrics: response.metrics,
      ...(response.trace === undefined ? {} : { trace: response.trace }),
      ...(response.serviceTier === undefined ? {} : { serviceTier: response.serviceTier }),
    } as never,
  };
}
