/**
 * Responses API types in the `openai` package's shapes (`openai/resources/responses/responses`), defined here so
 * that our public `.d.ts` does not depend on `openai` (a dev dependency). What we return is assignable to
 * `openai`'s types, and `openai`'s params for what Bedrock can serve are assignable to ours; the type tests
 * (`test/responses/types.test-d.ts`) hold that in place. Built-in OpenAI tools and items we cannot serve stay in
 * the param types (so code written for OpenAI compiles) and are refused at run time with a 400 naming them.
 */
import type { ModelName } from '../models/catalog.js';
import type { BedrockChatExtras, ChatCompletionModerationParam, ChatCompletionPromptCacheBreakpoint } from '../chat/types.js';

// ---------------------------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------------------------

export interface ResponseInputText {
  text: string;
  type: 'input_text';
  /** A cache point after this part, as on chat parts (`ChatCompletionPromptCacheBreakpoint`). */
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ResponseInputImage {
  detail: 'low' | 'high' | 'auto' | 'original';
  type: 'input_image';
  file_id?: string | null;
  /** A `data:` URL, an `https://`/`http://` URL (fetched by this library) or an `s3://` URI. */
  image_url?: string | null;
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ResponseInputFile {
  type: 'input_file';
  /** A `data:` URL (`data:application/pdf;base64,…`), or plain base64 with `filename` giving the format. */
  file_data?: string;
  file_id?: string | null;
  file_url?: string;
  filename?: string;
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint;
}

export interface ResponseInputAudio {
  input_audio: { data: string; format: 'mp3' | 'wav' };
  type: 'input_audio';
}

export type ResponseInputContent = ResponseInputText | ResponseInputImage | ResponseInputFile;
export type ResponseInputMessageContentList = Array<ResponseInputContent>;

export interface EasyInputMessage {
  content: string | ResponseInputMessageContentList;
  role: 'user' | 'assistant' | 'system' | 'developer';
  phase?: 'commentary' | 'final_answer' | null;
  type?: 'message';
}

export interface ResponseInputMessage {
  content: ResponseInputMessageContentList;
  role: 'user' | 'system' | 'developer';
  status?: 'in_progress' | 'completed' | 'incomplete';
  type?: 'message';
}

export interface ResponseFunctionCallOutput {
  call_id: string;
  /** Text, or parts (only `input_text` parts can be sent to Bedrock as a tool result here). */
  output: string | Array<ResponseFunctionCallOutputText | ResponseFunctionCallOutputImage | ResponseFunctionCallOutputFile>;
  type: 'function_call_output';
  id?: string | null;
  status?: 'in_progress' | 'completed' | 'incomplete' | null;
}

export interface ResponseFunctionCallOutputText {
  text: string;
  type: 'input_text';
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint | null;
}

export interface ResponseFunctionCallOutputImage {
  type: 'input_image';
  detail?: 'low' | 'high' | 'auto' | 'original' | null;
  file_id?: string | null;
  image_url?: string | null;
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint | null;
}

export interface ResponseFunctionCallOutputFile {
  type: 'input_file';
  detail?: 'auto' | 'low' | 'high';
  prompt_cache_breakpoint?: ChatCompletionPromptCacheBreakpoint | null;
  file_data?: string | null;
  file_id?: string | null;
  file_url?: string | null;
  filename?: string | null;
}

export interface ResponseItemReference {
  id: string;
  type?: 'item_reference' | null;
}

/** Any other item type of OpenAI's (built-in tool calls, MCP, shell, …): refused with a 400 naming it. */
export interface ResponseUnsupportedInputItem {
  type:
    | 'file_search_call'
    | 'computer_call'
    | 'computer_call_output'
    | 'web_search_call'
    | 'tool_search_call'
    | 'tool_search_output'
    | 'compaction'
    | 'image_generation_call'
    | 'code_interpreter_call'
    | 'local_shell_call'
    | 'local_shell_call_output'
    | 'shell_call'
    | 'shell_call_output'
    | 'apply_patch_call'
    | 'apply_patch_call_output'
    | 'mcp_list_tools'
    | 'mcp_approval_request'
    | 'mcp_approval_response'
    | 'mcp_call'
    | 'custom_tool_call_output'
    | 'custom_tool_call';
  [key: string]: unknown;
}

export type ResponseInputItem =
  | EasyInputMessage
  | ResponseInputMessage
  | ResponseOutputMessage
  | ResponseFunctionToolCall
  | ResponseFunctionCallOutput
  | ResponseReasoningItem
  | ResponseItemReference
  | ResponseUnsupportedInputItem;

export type ResponseInput = Array<ResponseInputItem>;

// ---------------------------------------------------------------------------------------------------------------
// Output items
// ---------------------------------------------------------------------------------------------------------------

export interface ResponseOutputText {
  annotations: Array<
    | { file_id: string; filename: string; index: number; type: 'file_citation' }
    | { end_index: number; start_index: number; title: string; type: 'url_citation'; url: string }
    | { container_id: string; end_index: number; file_id: string; filename: string; start_index: number; type: 'container_file_citation' }
    | { file_id: string; index: number; type: 'file_path' }
  >;
  text: string;
  type: 'output_text';
  logprobs?: Array<{ token: string; bytes: Array<number>; logprob: number; top_logprobs: Array<{ token: string; bytes: Array<number>; logprob: number }> }>;
}

export interface ResponseOutputRefusal {
  refusal: string;
  type: 'refusal';
}

export interface ResponseOutputMessage {
  id: string;
  content: Array<ResponseOutputText | ResponseOutputRefusal>;
  role: 'assistant';
  status: 'in_progress' | 'completed' | 'incomplete';
  type: 'message';
  phase?: 'commentary' | 'final_answer' | null;
}

export interface ResponseFunctionToolCall {
  arguments: string;
  call_id: string;
  name: string;
  type: 'function_call';
  id?: string;
  namespace?: string;
  status?: 'in_progress' | 'completed' | 'incomplete';
}

export interface ResponseReasoningItem {
  id: string;
  /** The reasoning text when `reasoning.summary` was asked for (Bedrock's reasoning text is the summary there is). */
  summary: Array<{ text: string; type: 'summary_text' }>;
  type: 'reasoning';
  /** The reasoning text, when `reasoning.summary` was not asked for. */
  content?: Array<{ text: string; type: 'reasoning_text' }>;
  /**
   * With `include: ['reasoning.encrypted_content']`: Bedrock's signature (with the text it signs) or its redacted
   * reasoning, opaque, so that the item replays exactly. `null` otherwise, and for unsigned reasoning.
   */
  encrypted_content?: string | null;
  status?: 'in_progress' | 'completed' | 'incomplete';
}

export type ResponseOutputItem = ResponseOutputMessage | ResponseFunctionToolCall | ResponseReasoningItem;

/** An item of `input_items.list`: an input item as stored, with its `id`. */
export type ResponseItem =
  | (ResponseInputMessage & { id: string; status: 'in_progress' | 'completed' | 'incomplete'; type: 'message' })
  | ResponseOutputMessage
  | (ResponseFunctionToolCall & { id: string })
  | (ResponseFunctionCallOutput & { id: string })
  | ResponseReasoningItem;

// ---------------------------------------------------------------------------------------------------------------
// Tools, tool choice, text format, reasoning
// ---------------------------------------------------------------------------------------------------------------

export interface FunctionTool {
  name: string;
  parameters: { [key: string]: unknown } | null;
  strict: boolean | null;
  type: 'function';
  defer_loading?: boolean;
  description?: string | null;
  /** Who may call it: `['direct']` (or unset) is what Bedrock does; OpenAI's `programmatic` calls are refused. */
  allowed_callers?: Array<'direct' | 'programmatic'> | null;
  /** The JSON Schema of the function's output: Converse tools have none, so it is refused (or dropped with a warning). */
  output_schema?: { [key: string]: unknown } | null;
  /** `openai` 7: an output given back later, asynchronously. Refused when `true`. */
  async?: boolean;
}

/** OpenAI's built-in tools: Bedrock cannot run them, so each is a 400 naming it. */
export interface BuiltInTool {
  type:
    | 'file_search'
    | 'computer'
    | 'computer_use_preview'
    | 'web_search'
    | 'web_search_2025_08_26'
    | 'web_search_preview'
    | 'web_search_preview_2025_03_11'
    | 'mcp'
    | 'code_interpreter'
    | 'image_generation'
    | 'local_shell'
    | 'shell'
    | 'custom'
    | 'namespace'
    | 'tool_search'
    | 'apply_patch';
  [key: string]: unknown;
}

export type Tool = FunctionTool | BuiltInTool;

export type ToolChoiceOptions = 'none' | 'auto' | 'required';
export interface ToolChoiceFunction {
  name: string;
  type: 'function';
}
export interface ToolChoiceAllowed {
  mode: 'auto' | 'required';
  tools: Array<{ [key: string]: unknown }>;
  type: 'allowed_tools';
}
/** Tool choices naming built-in tools (refused). */
export interface ToolChoiceOther {
  type: 'file_search' | 'web_search_preview' | 'computer' | 'computer_use_preview' | 'computer_use' | 'web_search_preview_2025_03_11' | 'image_generation' | 'code_interpreter' | 'mcp' | 'custom' | 'apply_patch' | 'shell';
  [key: string]: unknown;
}
export type ResponseToolChoice = ToolChoiceOptions | ToolChoiceAllowed | ToolChoiceFunction | ToolChoiceOther;

export interface ResponseFormatText {
  type: 'text';
}
export interface ResponseFormatJSONObject {
  type: 'json_object';
}
export interface ResponseFormatTextJSONSchemaConfig {
  name: string;
  schema: { [key: string]: unknown };
  type: 'json_schema';
  description?: string;
  strict?: boolean | null;
}
export type ResponseFormatTextConfig = ResponseFormatText | ResponseFormatTextJSONSchemaConfig | ResponseFormatJSONObject;

export interface ResponseTextConfig {
  format?: ResponseFormatTextConfig;
  verbosity?: 'low' | 'medium' | 'high' | null;
}

export interface Reasoning {
  effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | null;
  generate_summary?: 'auto' | 'concise' | 'detailed' | null;
  summary?: 'auto' | 'concise' | 'detailed' | null;
  /** `openai` 7: which earlier reasoning the model reads. `auto` (or unset) is accepted; the others are refused. */
  context?: 'auto' | 'current_turn' | 'all_turns' | null;
  /** `openai` 7: the reasoning execution mode. `standard` (or unset) is accepted; the others are refused. */
  mode?: (string & {}) | 'standard' | 'pro';
}

export type ResponseIncludable =
  | 'file_search_call.results'
  | 'web_search_call.results'
  | 'web_search_call.action.sources'
  | 'message.input_image.image_url'
  | 'computer_call_output.output.image_url'
  | 'code_interpreter_call.outputs'
  | 'reasoning.encrypted_content'
  | 'message.output_text.logprobs';

// ---------------------------------------------------------------------------------------------------------------
// Create params
// ---------------------------------------------------------------------------------------------------------------

export interface ResponseCreateParamsBase {
  /** A Bedrock model: a catalog alias, a model or inference-profile ID, or an ARN. Required here (OpenAI's prompts can name it; Bedrock's cannot). */
  model?: ModelName;
  input?: string | ResponseInput;
  instructions?: string | null;
  include?: Array<ResponseIncludable> | null;
  max_output_tokens?: number | null;
  metadata?: Record<string, string> | null;
  parallel_tool_calls?: boolean | null;
  previous_response_id?: string | null;
  reasoning?: Reasoning | null;
  safety_identifier?: string | null;
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | null;
  /** Keep the response for `retrieve`, `input_items` and `previous_response_id`. Default `true`, as OpenAI's. */
  store?: boolean | null;
  stream?: boolean | null;
  stream_options?: { include_obfuscation?: boolean } | null;
  temperature?: number | null;
  text?: ResponseTextConfig;
  tool_choice?: ResponseToolChoice;
  tools?: Array<Tool>;
  top_p?: number | null;
  truncation?: 'auto' | 'disabled' | null;
  user?: string;
  // OpenAI parameters Bedrock has no equivalent for: accepted by the type, refused (or dropped) by name.
  background?: boolean | null;
  conversation?: string | { id: string } | null;
  context_management?: Array<{ type: string; compact_threshold?: number | null }> | null;
  prompt?: { id: string; variables?: Record<string, string | ResponseInputText | ResponseInputImage | ResponseInputFile> | null; version?: string | null } | null;
  prompt_cache_key?: string | null;
  /** As on chat completions: Bedrock returns no log probabilities, so only 0 (or unset) is accepted. */
  top_logprobs?: number | null;
  /**
   * The most calls to built-in tools in a response (`openai` 7). Bedrock serves no built-in tools, so there is
   * nothing for it to cap: a whole number ≥ 0 is accepted and changes nothing. Function calls are not counted, as
   * on OpenAI.
   */
  max_tool_calls?: number | null;
  /** Options of `background` mode (`openai` 7): refused, as `background` is. */
  background_options?: { completion_window?: 'soonest' | '2h' | '8h'; continuation_id?: string } | null;
  /** OpenAI's access programs (`openai` 7): refused when one is named; they do not exist on Bedrock. */
  access_programs?: { cyber?: 'standard' | 'daybreak_blue' | 'daybreak_red' } | null;
  /**
   * OpenAI's image-context compression (`openai` 7). Bedrock sends images as given: `auto` (OpenAI's default) and
   * `disabled` are what happens and are accepted; `enabled` is refused.
   */
  image?: { context_compression?: 'auto' | 'enabled' | 'disabled' } | null;
  /** `'in-memory'` is the spelling of `openai` before 6.49, still typed so that older code compiles. */
  prompt_cache_retention?: 'in_memory' | '24h' | 'in-memory' | null;
  /** As on chat completions: refused (Bedrock's counterpart is `bedrock.guardrail`). */
  moderation?: ChatCompletionModerationParam | null;
  /** As on chat completions: `{ mode: 'explicit' }` is what Bedrock does and is accepted; the rest is refused. */
  prompt_cache_options?: { mode?: 'implicit' | 'explicit'; ttl?: '30m' };
  /** Bedrock-only options, as on chat completions (`guardrailConfig`, `additionalModelRequestFields`, `cache`, …). */
  bedrock?: BedrockChatExtras;
}

export interface ResponseCreateParamsNonStreaming extends ResponseCreateParamsBase {
  stream?: false | null;
}
export interface ResponseCreateParamsStreaming extends ResponseCreateParamsBase {
  stream: true;
}
export type ResponseCreateParams = ResponseCreateParamsNonStreaming | ResponseCreateParamsStreaming;

// ---------------------------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------------------------

export type ResponseStatus = 'completed' | 'failed' | 'in_progress' | 'cancelled' | 'queued' | 'incomplete';

export interface ResponseUsage {
  /** Every input token, cache reads and writes included (OpenAI's convention). */
  input_tokens: number;
  /** `cached_tokens`: read from the prompt cache; `cache_write_tokens`: written to it (Bedrock's counts). */
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  /** `reasoning_tokens`: Bedrock does not report them separately; counted as 0. */
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface ResponseError {
  code: 'server_error' | 'rate_limit_exceeded' | 'invalid_prompt';
  message: string;
}

/** Bedrock-only details of a response (not in OpenAI's type). */
export interface BedrockResponsesInfo {
  stop_reason: string;
  service_tier?: string;
  latency_ms?: number;
  trace?: Record<string, unknown>;
  additional_model_response_fields?: unknown;
  cache_details?: Array<{ ttl: string; input_tokens: number }>;
  /** Cache writes, which OpenAI's usage has no field for (they are inside `usage.input_tokens`). */
  cache_write_tokens?: number;
}

export interface Response {
  id: string;
  created_at: number;
  /** The text of every `output_text` part, joined (a getter on the `openai` SDK's side; a field here). */
  output_text: string;
  error: ResponseError | null;
  incomplete_details: { reason?: 'max_output_tokens' | 'content_filter' } | null;
  instructions: string | null;
  metadata: Record<string, string> | null;
  model: string;
  object: 'response';
  output: Array<ResponseOutputItem>;
  parallel_tool_calls: boolean;
  temperature: number | null;
  tool_choice: ToolChoiceOptions | ToolChoiceAllowed | ToolChoiceFunction;
  tools: Array<FunctionTool>;
  top_p: number | null;
  background?: boolean | null;
  completed_at?: number | null;
  max_output_tokens?: number | null;
  /** Echoed when the request set it. */
  max_tool_calls?: number | null;
  previous_response_id?: string | null;
  reasoning?: Reasoning | null;
  safety_identifier?: string;
  service_tier?: 'auto' | 'default' | 'flex' | 'scale' | 'priority' | null;
  status?: ResponseStatus;
  text?: ResponseTextConfig;
  truncation?: 'auto' | 'disabled' | null;
  usage?: ResponseUsage;
  user?: string;
  store?: boolean;
  bedrock?: BedrockResponsesInfo;
}

// ---------------------------------------------------------------------------------------------------------------
// Stream events
// ---------------------------------------------------------------------------------------------------------------

interface Sequenced {
  sequence_number: number;
}

export interface ResponseCreatedEvent extends Sequenced {
  response: Response;
  type: 'response.created';
}
export interface ResponseInProgressEvent extends Sequenced {
  response: Response;
  type: 'response.in_progress';
}
export interface ResponseCompletedEvent extends Sequenced {
  response: Response;
  type: 'response.completed';
}
export interface ResponseIncompleteEvent extends Sequenced {
  response: Response;
  type: 'response.incomplete';
}
export interface ResponseFailedEvent extends Sequenced {
  response: Response;
  type: 'response.failed';
}
export interface ResponseErrorEvent extends Sequenced {
  code: string | null;
  message: string;
  param: string | null;
  type: 'error';
}
export interface ResponseOutputItemAddedEvent extends Sequenced {
  item: ResponseOutputItem;
  output_index: number;
  type: 'response.output_item.added';
}
export interface ResponseOutputItemDoneEvent extends Sequenced {
  item: ResponseOutputItem;
  output_index: number;
  type: 'response.output_item.done';
}
export interface ResponseContentPartAddedEvent extends Sequenced {
  content_index: number;
  item_id: string;
  output_index: number;
  part: ResponseOutputText | ResponseOutputRefusal | { text: string; type: 'reasoning_text' };
  type: 'response.content_part.added';
}
export interface ResponseContentPartDoneEvent extends Sequenced {
  content_index: number;
  item_id: string;
  output_index: number;
  part: ResponseOutputText | ResponseOutputRefusal | { text: string; type: 'reasoning_text' };
  type: 'response.content_part.done';
}
export interface ResponseTextDeltaEvent extends Sequenced {
  content_index: number;
  delta: string;
  item_id: string;
  logprobs: Array<{ token: string; logprob: number }>;
  output_index: number;
  type: 'response.output_text.delta';
}
export interface ResponseTextDoneEvent extends Sequenced {
  content_index: number;
  item_id: string;
  logprobs: Array<{ token: string; logprob: number }>;
  output_index: number;
  text: string;
  type: 'response.output_text.done';
}
export interface ResponseFunctionCallArgumentsDeltaEvent extends Sequenced {
  delta: string;
  item_id: string;
  output_index: number;
  type: 'response.function_call_arguments.delta';
}
export interface ResponseFunctionCallArgumentsDoneEvent extends Sequenced {
  arguments: string;
  item_id: string;
  name: string;
  output_index: number;
  type: 'response.function_call_arguments.done';
}
export interface ResponseReasoningTextDeltaEvent extends Sequenced {
  content_index: number;
  delta: string;
  item_id: string;
  output_index: number;
  type: 'response.reasoning_text.delta';
}
export interface ResponseReasoningTextDoneEvent extends Sequenced {
  content_index: number;
  item_id: string;
  output_index: number;
  text: string;
  type: 'response.reasoning_text.done';
}
export interface ResponseReasoningSummaryPartAddedEvent extends Sequenced {
  item_id: string;
  output_index: number;
  part: { text: string; type: 'summary_text' };
  summary_index: number;
  type: 'response.reasoning_summary_part.added';
}
export interface ResponseReasoningSummaryPartDoneEvent extends Sequenced {
  item_id: string;
  output_index: number;
  part: { text: string; type: 'summary_text' };
  summary_index: number;
  type: 'response.reasoning_summary_part.done';
}
export interface ResponseReasoningSummaryTextDeltaEvent extends Sequenced {
  delta: string;
  item_id: string;
  output_index: number;
  summary_index: number;
  type: 'response.reasoning_summary_text.delta';
}
export interface ResponseReasoningSummaryTextDoneEvent extends Sequenced {
  item_id: string;
  output_index: number;
  summary_index: number;
  text: string;
  type: 'response.reasoning_summary_text.done';
}

export type ResponseStreamEvent =
  | ResponseCreatedEvent
  | ResponseInProgressEvent
  | ResponseCompletedEvent
  | ResponseIncompleteEvent
  | ResponseFailedEvent
  | ResponseErrorEvent
  | ResponseOutputItemAddedEvent
  | ResponseOutputItemDoneEvent
  | ResponseContentPartAddedEvent
  | ResponseContentPartDoneEvent
  | ResponseTextDeltaEvent
  | ResponseTextDoneEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseFunctionCallArgumentsDoneEvent
  | ResponseReasoningTextDeltaEvent
  | ResponseReasoningTextDoneEvent
  | ResponseReasoningSummaryPartAddedEvent
  | ResponseReasoningSummaryPartDoneEvent
  | ResponseReasoningSummaryTextDeltaEvent
  | ResponseReasoningSummaryTextDoneEvent;

// ---------------------------------------------------------------------------------------------------------------
// Retrieve, delete, input items, input tokens
// ---------------------------------------------------------------------------------------------------------------

export interface ResponseRetrieveParams {
  include?: Array<ResponseIncludable>;
}

export interface ResponseDeleted {
  id: string;
  object: 'response';
  deleted: true;
}

export interface InputItemListParams {
  after?: string;
  limit?: number;
  include?: Array<ResponseIncludable>;
  order?: 'asc' | 'desc';
}

export interface ResponseItemList {
  data: Array<ResponseItem>;
  first_id: string | null;
  has_more: boolean;
  last_id: string | null;
  object: 'list';
}

export interface InputTokenCountParams {
  model?: ModelName | null;
  input?: string | Array<ResponseInputItem> | null;
  instructions?: string | null;
  parallel_tool_calls?: boolean | null;
  previous_response_id?: string | null;
  reasoning?: Reasoning | null;
  text?: ResponseTextConfig | null;
  tool_choice?: ResponseToolChoice | null;
  tools?: Array<Tool> | null;
  truncation?: 'auto' | 'disabled';
  conversation?: string | { id: string } | null;
  bedrock?: BedrockChatExtras;
}

export interface InputTokenCountResponse {
  input_tokens: number;
  object: 'response.input_tokens';
}
