/**
 * Reads V8 CPU profiles (`.cpuprofile`, as `node --cpu-prof` writes them) and ranks functions by self time,
 * grouped by whose code they are: ours (`dist/src/…`, the bundled chunk and line), the AWS SDK
 * and Smithy packages, other packages, Node's internals, and the VM (GC, program, idle).
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export type Owner = 'ours' | 'aws-sdk' | 'other-package' | 'node' | 'vm';

export interface FunctionCost {
  owner: Owner;
  /** `name (file:line)`, the file relative to the package (`src/…ts` for ours). */
  label: string;
  selfMs: number;
  /** Share of all sampled time (idle excluded). */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byOwner: Record<Owner, number>;
  functions: FunctionCost[];
}

function ownerOf(frame: CallFrame): Owner {
  const url = frame.url;
  if (url === '') return frame.functionName.startsWith('(') ? 'vm' : 'node';
  if (url.startsWith('node:')) return 'node';
  if (url.includes('/dist/src/')) return 'ours';
  if (url.includes('/node_modules/@aws-sdk/') || url.includes('/node_modules/@smithy/') || url.includes('/node_modules/@aws-crypto/')) return 'aws-sdk';
  if (url.includes('/node_modules/')) return 'other-package';
  return 'other-package';
}

function labelOf(frame: CallFrame): string {
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  if (frame.url === '') return name;
  let file = frame.url.replace(/^file:\/\//, '');
  // Ours is bundled (scripts/bundle.mjs): the file is a chunk of dist/, the function name says which code it is.
  const ours = /\/(dist\/src\/.*\.js)$/.exec(file);
  if (ours !== null) file = ours[1] as string;
  else {
    const packaged = /\/node_modules\/(.*)$/.exec(file);
    if (packaged !== null) file = packaged[1] as string;
  }
  return `${name} (${file}:${frame.lineNumber + 1})`;
}

/** Self time per function of one profile, idle time excluded. */
export function summarizeProfile(path: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const frames = new Map<number, CallFrame>();
  for (const node of profile.nodes) frames.set(node.id, node.callFrame);
  const selfMicros = new Map<string, { owner: Owner; micros: number }>();
  const byOwner: Record<Owner, number> = { ours: 0, 'aws-sdk': 0, 'other-package': 0, node: 0, vm: 0 };
  let total = 0;
  // Sample i lasts until sample i + 1 (the convention of Chrome's profile view).
  for (let index = 0; index < profile.samples.length; index += 1) {
    const frame = frames.get(profile.samples[index] as number);
    const micros = profile.timeDeltas[index + 1] ?? 0;
    if (frame === undefined || frame.functionName === '(idle)') continue;
    const owner = ownerOf(frame);
    const label = labelOf(frame);
    const entry = selfMicros.get(label) ?? { owner, micros: 0 };
    entry.micros += micros;
    selfMicros.set(label, entry);
    byOwner[owner] += micros / 1000;
    total += micros;
  }
  const functions = [...selfMicros.entries()]
    .map(([label, entry]) => ({ owner: entry.owner, label, selfMs: entry.micros / 1000, share: total === 0 ? 0 : entry.micros / total }))
    .sort((left, right) => right.selfMs - left.selfMs);
  return { totalMs: total / 1000, byOwner, functions };
}

/** A Markdown report of one profile: time by owner, the top functions overall and ours. */
export function formatProfile(title: string, summary: ProfileSummary, top = 12): string {
  const percent = (ms: number): string => `${((100 * ms) / (summary.totalMs || 1)).toFixed(1)}%`;
  const owners = (Object.entries(summary.byOwner) as Array<[Owner, number]>)
    .filter(([, ms]) => ms > 0)
    .sort((left, right) => right[1] - left[1])
    .map(([owner, ms]) => `${owner} ${percent(ms)}`)
    .join(', ');
  const rows = (functions: FunctionCost[]): string[] =>
    functions.slice(0, top).map((entry) => `| ${entry.owner} | \`${entry.label}\` | ${entry.selfMs.toFixed(1)} | ${(100 * entry.share).toFixed(1)}% |`);
  const ours = summary.functions.filter((entry) => entry.owner === 'ours');
  return [
    `### ${title}`,
    '',
    `Sampled ${summary.totalMs.toFixed(0)} ms of CPU (idle excluded): ${owners}.`,
    '',
    '| owner | function (self time) | ms | share |',
    '|---|---|---:|---:|',
    ...rows(summary.functions),
    '',
    `Our code only (${percent(summary.byOwner.ours)} in all):`,
    '',
    '| owner | function (self time) | ms | share |',
    '|---|---|---:|---:|',
    ...rows(ours),
    '',
  ].join('\n');
}

/**
 * Where ours spends more than raw on the same work: self time per function, ours minus raw, divided by the calls
 * each profile covers (both profiles sample the same measured loop). The functions with the largest extra first.
 */
export function formatProfileDifference(title: string, ours: ProfileSummary, raw: ProfileSummary, calls: number, unit: string, top = 15): string {
  const rawByLabel = new Map(raw.functions.map((entry) => [entry.label, entry.selfMs]));
  const oursByLabel = new Map(ours.functions.map((entry) => [entry.label, entry]));
  const labels = new Set([...rawByLabel.keys(), ...oursByLabel.keys()]);
  const rows = [...labels]
    .map((label) => {
      const mine = oursByLabel.get(label);
      const extraMs = (mine?.selfMs ?? 0) - (rawByLabel.get(label) ?? 0);
      const owner = mine?.owner ?? raw.functions.find((entry) => entry.label === label)?.owner ?? 'vm';
      return { label, owner, extraMicrosPerCall: (1000 * extraMs) / calls };
    })
    .sort((left, right) => right.extraMicrosPerCall - left.extraMicrosPerCall);
  const totalExtra = (1000 * (ours.totalMs - raw.totalMs)) / calls;
  return [
    `### ${title}: ours − raw, self time per ${unit}`,
    '',
    `In all: ${((1000 * ours.totalMs) / calls).toFixed(1)} µs vs ${((1000 * raw.totalMs) / calls).toFixed(1)} µs per ${unit} (${totalExtra >= 0 ? '+' : ''}${totalExtra.toFixed(1)} µs); ours' own code ${((1000 * ours.byOwner.ours) / calls).toFixed(1)} µs.`,
    '',
    '| owner | function | extra µs per ' + unit + ' |',
    '|---|---|---:|',
    ...rows.slice(0, top).map((row) => `| ${row.owner} | \`${row.label}\` | ${row.extraMicrosPerCall.toFixed(2)} |`),
    '',
    'Largest savings (negative: ours spends less):',
    '',
    ...rows
      .slice(-5)
      .reverse()
      .map((row) => `- \`${row.label}\` (${row.owner}): ${row.extraMicrosPerCall.toFixed(2)} µs`),
    '',
  ].join('\n');
}
