/**
 * Batch inference for a RAG corpus: embeds 500 texts as one Bedrock batch job (half the on-demand price, no
 * connection held open), then the same through OpenAI's Files and Batches API, then a batch of Responses API
 * requests (summaries of the same documents) with the tokens the batch used. Against Bedrock when AWS
 * credentials are configured (with `batch.s3Uri` and `batch.roleArn` in bedrock.json or BEDROCK_OPENAI_BATCH_S3_URI
 * and BEDROCK_OPENAI_BATCH_ROLE_ARN; real jobs take minutes to hours), otherwise against the local emulator.
 */
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_EMBEDDING_MODEL'] ?? 'titan-embed-text-v2';
const { client, offline, close } = await connect();
const pollIntervalMs = offline ? 50 : 60_000;

async function* corpus(): AsyncGenerator<string> {
  for (let index = 0; index < 500; index += 1) yield `Document ${index}: notes on topic ${index % 17}.`;
}

try {
  // 1. The corpus helper: uploads as it reads, results keyed by input index.
  const job = await client.batches.embedCorpus(corpus(), { model, dimensions: 256 }, { pollIntervalMs, onProgress: (batch) => console.log(`corpus batch: ${batch.status}`) });
  let vectors = 0;
  let failures = 0;
  for await (const result of job.results()) {
    if ('embedding' in result) vectors += 1;
    else failures += 1;
  }
  console.log(`corpus: ${vectors} vectors, ${failures} failures (${job.batch.id})`);

  // 2. OpenAI's batch flow, unchanged: upload JSONL, create, wait, read the output file.
  const lines = Array.from({ length: 100 }, (_, index) =>
    JSON.stringify({ custom_id: `doc-${index}`, method: 'POST', url: '/v1/embeddings', body: { model, input: `Document ${index}`, dimensions: 256 } }),
  );
  const file = await client.files.create({ file: lines.join('\n'), purpose: 'batch' });
  const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
  const batch = await client.batches.wait(created.id, { pollIntervalMs });
  console.log(`batch ${batch.id}: ${batch.status}, ${batch.request_counts.completed}/${batch.request_counts.total} completed`);
  if (batch.output_file_id !== null) {
    const first = (await (await client.files.content(batch.output_file_id)).text()).split('\n')[0] ?? '';
    const parsed = JSON.parse(first) as { custom_id: string; response: { status_code: number; body: { data: Array<{ embedding: number[] }> } } };
    console.log(`first output line: ${parsed.custom_id}, status ${parsed.response.status_code}, ${parsed.response.body.data[0]?.embedding.length} dimensions`);
  }

  // 3. A batch of Responses API requests: each output line's body is the `response` that `responses.create` gives.
  // The lines were written for OpenAI (`prompt_cache_key`, which Bedrock has no use for): dropped, with one warning.
  const chatModel = process.env['BEDROCK_OPENAI_MODEL'] ?? 'nova-lite';
  const requests = Array.from({ length: 100 }, (_, index) =>
    JSON.stringify({
      custom_id: `summary-${index}`,
      method: 'POST',
      url: '/v1/responses',
      body: { model: chatModel, instructions: 'Summarise in one line.', input: `Document ${index}`, max_output_tokens: 100, prompt_cache_key: 'summaries' },
    }),
  );
  const responsesFile = await client.files.create({ file: requests.join('\n'), purpose: 'batch' });
  const createdResponses = await client.batches.create({ input_file_id: responsesFile.id, endpoint: '/v1/responses', completion_window: '24h' }, { dropUnsupportedParams: true });
  const responsesBatch = await client.batches.wait(createdResponses.id, { pollIntervalMs });
  console.log(`responses batch: ${responsesBatch.status}, ${responsesBatch.request_counts.completed}/${responsesBatch.request_counts.total} completed, ${responsesBatch.usage?.input_tokens ?? 0} input and ${responsesBatch.usage?.output_tokens ?? 0} output tokens`);
  if (responsesBatch.output_file_id !== null) {
    const first = JSON.parse((await (await client.files.content(responsesBatch.output_file_id)).text()).split('\n')[0] ?? '{}') as { custom_id: string; response: { body: { output_text: string } } };
    console.log(`${first.custom_id}: ${first.response.body.output_text}`);
  }
} finally {
  await close();
}
