import { useState } from 'react';
import { actOnDocument, DocumentProblem, newIdempotencyKey, type DocumentAction, type DocumentDetail } from '../api/documents';

export interface Conflict {
  detail: string;
  allowed: DocumentAction[] | undefined;
}

/**
 * Sends one action under one intent's Idempotency-Key: a retry after a lost answer replays it; a refusal about the
 * values (4xx other than 409) gets a new key for the corrected attempt; a 409 (stale version, action no longer
 * allowed) goes to `onConflict` so the page reloads and says what is allowed now.
 */
export function useDocumentAction(document: DocumentDetail, onDone: (next: DocumentDetail, action: DocumentAction) => void, onConflict: (conflict: Conflict) => void) {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = () => setKey(newIdempotencyKey());
  const act = async (action: DocumentAction, payload: Record<string, unknown> = {}) => {
    try {
      const next = await actOnDocument(document.id, { ...payload, action, version: document.version }, key);
      renew();
      onDone(next, action);
    } catch (error) {
      if (error instanceof DocumentProblem && error.status === 409) {
        renew();
        onConflict({ detail: error.detail, allowed: error.allowed });
        return;
      }
      if (error instanceof DocumentProblem && error.status !== 0) renew();
      throw error;
    }
  };
  return { act, renew };
}
