/**
 * Responses input items → chat messages (`to-chat-request.ts`), with the map from chat's parameter paths back to the
 * items', so that an error chat's converters raise names what the caller wrote. Pure. Message items become messages
 * of their role and their parts chat's; `function_call`s join the assistant message they follow and each needs its
 * `function_call_output` before the next message; `reasoning` items wait for the assistant message they precede.
 */
import type { ParamRenamer } from '../chat/prepare.js';
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionReasoningDetail,
} from '../chat/types.js';
import { BadRequestError } from '../core/errors.js';
import { decodeReasoning } from './encrypted-reasoning.js';
import type { ResponsesRequestContext } from './to-chat-request.js';
import { isSet } from '../internal/is-set.js';

/** Builds chat messages from items, with the map from chat's paths to the items' own. */
export class MessageBuilder {
  readonly messages: ChatCompletionMessageParam[] = [];
  /** Chat path prefix (`messages[2]`, `messages[2].tool_calls[0]`, `messages[2].content[1]`) → the item's path. */
  readonly #paths = new Map<string, string>();
  readonly #context: ResponsesRequestContext;
  /** Reasoning details waiting for the assistant message they precede. */
  #reasoning: { detail: ChatCompletionReasoningDetail; param: string }[] = [];
  /** Function calls not answered yet: call ID → where the call is. */
  readonly #pending = new Map<string, string>();

  constructor(context: ResponsesRequestContext) {
    this.#context = context;
  }

  push(message: ChatCompletionMessageParam, param: string): number {
    const index = this.messages.length;
    this.messages.push(message);
    this.#paths.set(`messages[${index}]`, param);
    return index;
  }

  /** Adds one item (resolving references). */
  add(raw: unknown, param: string): void {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw BadRequestError.forParam(param, `\`${param}\` must be an object.`);
    const item = raw as { type?: unknown; role?: unknown; id?: unknown };
    const type = item.type ?? (item.role === undefined ? undefined : 'message');
    switch (type) {
      case 'message':
        this.#addMessage(item as { role?: unknown; content?: unknown }, param);
        return;
      case 'function_call':
        this.#addFunctionCall(item as { call_id?: unknown; name?: unknown; arguments?: unknown }, param);
        return;
      case 'function_call_output':
        this.#addFunctionCallOutput(item as { call_id?: unknown; output?: unknown }, param);
        return;
      case 'reasoning':
        this.#addReasoning(item as { encrypted_content?: unknown; summary?: unknown; content?: unknown }, param);
        return;
      default: {
        if (typeof type === 'string' && /_call(_output)?$|^mcp_|^compaction$|^tool_search/.test(type)) {
          throw BadRequestError.forParam(`${param}.type`, `\`${param}\` is a \`${type}\` item, which belongs to an OpenAI built-in tool; Bedrock has no equivalent.`, 'unsupported_item');
        }
        throw BadRequestError.forParam(
          `${param}.type`,
          `\`${param}.type\` must be "message", "function_call", "function_call_output", "reasoning" or "item_reference"; got ${JSON.stringify(type)}.`,
        );
      }
    }
  }

  finish(): void {
    const [first] = this.#pending.entries();
    if (first !== undefined) this.#unanswered(first[0], first[1]);
  }

  #unanswered(callId: string, param: string): never {
    throw BadRequestError.forParam(param, `No tool output found for function call ${callId}: every \`function_call\` needs a \`function_call_output\` with its \`call_id\` before the next message.`, 'missing_tool_result');
  }

  #requireAnswered(): void {
    this.finish();
  }

  #addMessage(message: { role?: unknown; content?: unknown }, param: string): void {
    const role = message.role;
    if (role !== 'user' && role !== 'system' && role !== 'developer' && role !== 'assistant') {
      throw BadRequestError.forParam(`${param}.role`, `\`${param}.role\` must be "user", "assistant", "system" or "developer"; got ${JSON.stringify(role)}.`);
    }
    if (role === 'system' || role === 'developer') {
      this.push({ role, content: this.#textParts(message.content, `${param}.content`, ['input_text']) as never }, param);
      return;
    }
    this.#requireAnswered();
    if (role === 'user') {
      const content = typeof message.content === 'string' ? message.content : this.#userParts(message.content, `${param}.content`);
      this.push({ role: 'user', content }, param);
      return;
    }
    const content = this.#textParts(message.content, `${param}.content`, ['output_text', 'input_text', 'refusal']);
    const assistant = this.#assistant(param);
    const index = this.messages.length - 1;
    const existing = assistant.content;
    const offset = Array.isArray(existing) ? existing.length : 0;
    if (typeof content === 'string') assistant.content = offset === 0 ? content : [...(existing as never[]), { type: 'text', text: content }];
    else {
      assistant.content = [...(Array.isArray(existing) ? existing : typeof existing === 'string' ? [{ type: 'text' as const, text: existing }] : []), ...(content as never[])];
      content.forEach((_, part) => this.#paths.set(`messages[${index}].content[${offset + part}]`, `${param}.content[${part}]`));
    }
  }

  /** The assistant message to add to: the last message if it is an assistant's without answered calls, else a new one. */
  #assistant(param: string): ChatCompletionAssistantMessageParam {
    const last = this.messages.at(-1);
    let assistant: ChatCompletionAssistantMessageParam;
    if (last?.role === 'assistant' && this.#reasoning.length === 0) assistant = last;
    else {
      assistant = { role: 'assistant', content: null };
      this.push(assistant, param);
    }
    if (this.#reasoning.length > 0) {
      const index = this.messages.length - 1;
      const details = [...(assistant.reasoning_details ?? [])];
      for (const { detail, param: detailParam } of this.#reasoning) {
        this.#paths.set(`messages[${index}].reasoning_details[${details.length}]`, detailParam);
        details.push(detail);
      }
      assistant.reasoning_details = details;
      this.#reasoning = [];
    }
    return assistant;
  }

  #addFunctionCall(call: { call_id?: unknown; name?: unknown; arguments?: unknown }, param: string): void {
    if (typeof call.call_id !== 'string' || call.call_id === '') throw BadRequestError.forParam(`${param}.call_id`, `\`${param}.call_id\` must be a non-empty string.`);
    const last = this.messages.at(-1);
    const assistant = last?.role === 'assistant' && this.#reasoning.length === 0 ? last : this.#assistant(param);
    const index = this.messages.length - 1;
    const calls = assistant.tool_calls ?? (assistant.tool_calls = []);
    this.#paths.set(`messages[${index}].tool_calls[${calls.length}]`, param);
    calls.push({ id: call.call_id, type: 'function', function: { name: call.name as string, arguments: call.arguments as string } });
    this.#pending.set(call.call_id, param);
  }

  #addFunctionCallOutput(result: { call_id?: unknown; output?: unknown }, param: string): void {
    const callId = result.call_id;
    if (typeof callId !== 'string' || callId === '') throw BadRequestError.forParam(`${param}.call_id`, `\`${param}.call_id\` must be a non-empty string.`);
    if (!this.#pending.has(callId)) {
      throw BadRequestError.forParam(
        `${param}.call_id`,
        `No function call found for \`${param}.call_id\` (\`${callId}\`): a \`function_call_output\` must follow the \`function_call\` it answers.`,
        'invalid_tool_call_id',
      );
    }
    this.#pending.delete(callId);
    const output = result.output;
    let content: string | Array<{ type: 'text'; text: string }>;
    if (typeof output === 'string') content = output;
    else if (Array.isArray(output)) {
      content = output.map((part: unknown, index) => {
        const typed = part as { type?: unknown; text?: unknown };
        if (typed?.type !== 'input_text' || typeof typed.text !== 'string') {
          throw BadRequestError.forParam(
            `${param}.output[${index}]`,
            `\`${param}.output[${index}]\` must be an \`input_text\` part: tool outputs are text here (Bedrock tool results of chat's converters hold text).`,
            'unsupported_content',
          );
        }
        return withBreakpoint({ type: 'text' as const, text: typed.text }, part);
      });
    } else throw BadRequestError.forParam(`${param}.output`, `\`${param}.output\` must be a string or an array of parts.`);
    this.push({ role: 'tool', tool_call_id: callId, content }, param);
  }

  #addReasoning(item: { encrypted_content?: unknown; summary?: unknown; content?: unknown }, param: string): void {
    this.#requireAnswered();
    const encrypted = item.encrypted_content;
    if (isSet(encrypted)) {
      if (typeof encrypted !== 'string') throw BadRequestError.forParam(`${param}.encrypted_content`, `\`${param}.encrypted_content\` must be a string.`);
      this.#reasoning.push({ detail: decodeReasoning(encrypted, `${param}.encrypted_content`), param: `${param}.encrypted_content` });
      return;
    }
    // Without Bedrock's signature the text cannot be replayed (Bedrock rejects or ignores unsigned reasoning): it is
    // kept as unsigned detail, which chat's converter leaves out, as it does for chat's own unsigned reasoning.
    const parts = [...(Array.isArray(item.content) ? item.content : []), ...(Array.isArray(item.summary) ? item.summary : [])] as { text?: unknown }[];
    const text = parts.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
    this.#reasoning.push({ detail: { type: 'reasoning.text', text }, param });
  }

  #textParts(content: unknown, param: string, types: readonly string[]): string | Array<{ type: 'text'; text: string }> {
    if (typeof content === 'string') return content;
    if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of parts.`);
    return content.map((part: unknown, index) => {
      const typed = part as { type?: unknown; text?: unknown; refusal?: unknown };
      const partParam = `${param}[${index}]`;
      if (typeof part !== 'object' || part === null || typeof typed.type !== 'string' || !types.includes(typed.type)) {
        throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be ${types.map((type) => `"${type}"`).join(' or ')} here; got ${JSON.stringify(typed?.type)}.`);
      }
      const text = typed.type === 'refusal' ? typed.refusal : typed.text;
      if (typeof text !== 'string') throw BadRequestError.forParam(partParam, `\`${partParam}\` must hold its text as a string.`);
      return withBreakpoint({ type: 'text' as const, text }, part);
    });
  }

  #userParts(content: unknown, param: string): ChatCompletionContentPart[] {
    if (!Array.isArray(content)) throw BadRequestError.forParam(param, `\`${param}\` must be a string or an array of parts.`);
    return content.map((part: unknown, index): ChatCompletionContentPart => withBreakpoint(this.#userPart(part, `${param}[${index}]`), part));
  }

  #userPart(part: unknown, partParam: string): ChatCompletionContentPart {
    {
      const typed = part as { type?: unknown; text?: unknown; image_url?: unknown; detail?: unknown; file_id?: unknown; file_data?: unknown; file_url?: unknown; filename?: unknown };
      if (typeof part !== 'object' || part === null) throw BadRequestError.forParam(partParam, `\`${partParam}\` must be an object.`);
      switch (typed.type) {
        case 'input_text':
          return { type: 'text', text: typed.text as string };
        case 'input_image': {
          // An uploaded image (`files.create`, purpose `user_data`): read by ID as chat reads a `file` part.
          if (isSet(typed.file_id)) {
            if (isSet(typed.image_url)) throw BadRequestError.forParam(`${partParam}.file_id`, `\`${partParam}\` gives both \`image_url\` and \`file_id\`; give one.`);
            if (isSet(typed.detail) && typed.detail !== 'auto') this.#context.unsupported(`${partParam}.detail`, 'Bedrock has no image detail setting (only "auto" is possible).');
            return { type: 'file', file: { file_id: typed.file_id as string } };
          }
          const detail = typed.detail === 'original' ? 'high' : typed.detail;
          if (typed.detail === 'original') this.#context.unsupported(`${partParam}.detail`, 'Bedrock has no image detail setting (only "auto" is possible).');
          return { type: 'image_url', image_url: { url: typed.image_url as string, ...(isSet(detail) && typed.detail !== 'original' ? { detail: detail as 'auto' } : {}) } };
        }
        case 'input_file': {
          if (isSet(typed.file_url)) {
            throw BadRequestError.forParam(`${partParam}.file_url`, 'File URLs are not fetched; send the file as `file_data` (a data: URL).', 'unsupported_content');
          }
          return {
            type: 'file',
            file: {
              ...(typed.file_data === undefined ? {} : { file_data: typed.file_data as string }),
              ...(isSet(typed.file_id) ? { file_id: typed.file_id as string } : {}),
              ...(typed.filename === undefined ? {} : { filename: typed.filename as string }),
            },
          };
        }
        case 'input_audio':
          throw BadRequestError.forParam(partParam, `Audio input (\`${partParam}\`) is not supported: Converse takes text, images and documents.`, 'unsupported_content');
        default:
          throw BadRequestError.forParam(`${partParam}.type`, `\`${partParam}.type\` must be "input_text", "input_image" or "input_file"; got ${JSON.stringify(typed.type)}.`);
      }
    }
  }

  /** The renamer for chat's paths (see {@link ParamRenamer}). */
  renamer(): ParamRenamer {
    const paths = this.#paths;
    return (text) =>
      text
        .replace(/messages\[\d+\](?:\.[a-z_]+|\[\d+\])*/g, (path) => {
          let prefix = path;
          while (prefix !== '') {
            const target = paths.get(prefix);
            if (target !== undefined) return target + renameSuffix(path.slice(prefix.length));
            const cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
            prefix = cut <= 0 ? '' : prefix.slice(0, cut);
          }
          return path;
        })
        .replace(/`messages`/g, '`input`')
        .replace(/\bmax_completion_tokens\b|\bmax_tokens\b/g, 'max_output_tokens')
        .replace(/\bresponse_format\.json_schema\b/g, 'text.format')
        .replace(/\bresponse_format\b/g, 'text.format')
        .replace(/\breasoning_effort\b/g, 'reasoning.effort')
        .replace(/(?<![.\w])verbosity\b/g, 'text.verbosity')
        .replace(/\btools\[(\d+)\]\.function\b/g, 'tools[$1]')
        .replace(/\btool_choice\.function\.name\b/g, 'tool_choice.name')
        .replace(/\btool_choice\.allowed_tools\.tools\[(\d+)\]/g, 'tool_choice.tools[$1]')
        .replace(/\btool_choice\.allowed_tools\b/g, 'tool_choice');
  }
}

/** A chat sub-path → the Responses one (`.image_url.url` → `.image_url`, `.file.file_data` → `.file_data`, …). */
function renameSuffix(suffix: string): string {
  return suffix
    .replace(/\.image_url\.url$/, '.image_url')
    .replace(/\.image_url\.detail$/, '.detail')
    .replace(/\.file\.(file_data|file_id|filename)$/, '.$1')
    .replace(/\.file$/, '')
    .replace(/^\.function\.(arguments|name)$/, '.$1')
    .replace(/^\.tool_call_id$/, '.call_id');
}

/**
 * Carries OpenAI's `prompt_cache_breakpoint` of a Responses part over to the chat part, whose converter places (or
 * refuses) the cache point; never dropped.
 */
function withBreakpoint<Part extends object>(part: Part, raw: unknown): Part {
  const breakpoint = (raw as { prompt_cache_breakpoint?: unknown } | null)?.prompt_cache_breakpoint;
  return breakpoint === undefined || breakpoint === null ? part : ({ ...part, prompt_cache_breakpoint: breakpoint } as Part);
}
