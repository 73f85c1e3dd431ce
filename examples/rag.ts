/**
 * Retrieval in a few lines: embed some paragraphs as documents and a question as a query, then print the
 * paragraph closest to the question. Against Bedrock when AWS credentials are configured (model from
 * BEDROCK_OPENAI_EMBEDDING_MODEL, default `titan-embed-text-v2`), otherwise against the local emulator, whose
 * vectors are built from shared words, so the right paragraph still wins offline.
 *
 *   npx tsx examples/rag.ts "How long do refunds take?"
 */
import { connect } from './connect.js';

const model = process.env['BEDROCK_OPENAI_EMBEDDING_MODEL'] ?? 'titan-embed-text-v2';
const question = process.argv[2] ?? 'How do I reset my password?';

const paragraphs = [
  'Refunds are issued to the original payment method within five business days of the return being received.',
  'To reset your password, open Settings, choose Security, and follow the link we email to your address.',
  'Our offices are open Monday to Friday, nine to five, and closed on public holidays.',
  'Orders over fifty euros ship free; smaller orders pay a flat shipping fee of four euros.',
];

/** Cosine similarity of two vectors of the same length. */
function cosineSimilarity(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index++) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return dot / Math.sqrt(leftNorm * rightNorm);
}

const { client, close } = await connect();
try {
  // Documents and queries are embedded differently by Cohere and Nova; Titan ignores the input type.
  const documents = await client.embeddings.create({ model, input: paragraphs, bedrock: { inputType: 'search_document' } });
  const query = await client.embeddings.create({ model, input: question, bedrock: { inputType: 'search_query' } });
  const queryVector = query.data[0]?.embedding ?? [];

  const ranked = documents.data
    .map((entry) => ({ paragraph: paragraphs[entry.index] ?? '', score: cosineSimilarity(queryVector, entry.embedding) }))
    .sort((left, right) => right.score - left.score);

  console.log(`question: ${question}`);
  for (const { paragraph, score } of ranked) console.log(`  ${score.toFixed(3)}  ${paragraph}`);
  console.log(`best match: ${ranked[0]?.paragraph}`);
  console.log(`model ${documents.model}; tokens ${documents.usage.prompt_tokens + query.usage.prompt_tokens}`);
} finally {
  await close();
}
