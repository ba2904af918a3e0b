import { Alert } from 'antd';
import { ApiError } from '../api/client';

/** The server's localised `detail` of a failed call, shown above a form or list. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon message={message} role="alert" style={{ marginBottom: 16 }} />;
}
