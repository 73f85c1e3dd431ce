/** Bedrock batch job statuses → OpenAI batch statuses. Pure. */

export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

/** Bedrock statuses after which a job changes no more. */
export const TERMINAL_JOB_STATUSES: ReadonlySet<string> = new Set(['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired']);

/**
 * | Bedrock | OpenAI |
 * |---|---|
 * | Submitted, Validating, Scheduled | validating |
 * | InProgress | in_progress |
 * | Completed, PartiallyCompleted | completed (failed records are in the error file) |
 * | Failed | failed |
 * | Stopping / Stopped | cancelling / cancelled |
 * | Expired | expired |
 */
export function mapJobStatus(status: string): BatchStatus {
  switch (status) {
    case 'Submitted':
    case 'Validating':
    case 'Scheduled':
      return 'validating';
    case 'InProgress':
      return 'in_progress';
    case 'Completed':
    case 'PartiallyCompleted':
      return 'completed';
    case 'Failed':
      return 'failed';
    case 'Stopping':
      return 'cancelling';
    case 'Stopped':
      return 'cancelled';
    case 'Expired':
      return 'expired';
    default:
      // A status newer than this package: still running, as far as anyone can tell.
      return 'in_progress';
  }
}
