import { PermanentJobError } from '../../../platform/outbox/outbox.js';
import { signedHeaders } from './message-signature.js';
import type { PeerRow } from './peers.js';

/** How long one call to a peer may take before the job is retried. */
const TIMEOUT_MS = 30_000;

/**
 * Sends a signed XML message to a peer. A 2xx answer resolves; a 4xx one (refused: bad package, unknown recipient,
 * signature) fails the job for good, since sending the same again cannot help; anything else is retried by the outbox.
 */
export async function postToPeer(peer: Pick<PeerRow, 'base_url' | 'secret'>, path: string, fromOrganId: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${peer.base_url}${path}`, {
    method: 'POST',
    headers: signedHeaders(fromOrganId, peer.secret, body),
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  const json = text.startsWith('{') ? (JSON.parse(text) as unknown) : null;
  if (response.ok) return { status: response.status, json };
  const code = json && typeof json === 'object' && 'code' in json ? String((json as { code: unknown }).code) : '';
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    throw new PermanentJobError(`peer refused ${path}: ${response.status} ${code}`);
  }
  throw new Error(`peer answered ${path}: ${response.status} ${code}`);
}
