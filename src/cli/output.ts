import { AppError } from '../platform/errors/app-error.js';
import { ERRORS } from '../platform/errors/catalogue.js';
import { fill } from '../platform/i18n/language.js';

/** A command's own failure: Vietnamese message, English after it, and the exit code to use. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode = 1,
  ) {
    super(`${vi} (${en})`);
    this.name = 'CliError';
  }
}

/** Renders any error for a terminal: Vietnamese first, English second, field problems one per line. */
export function describeError(error: unknown): string {
  if (error instanceof CliError) return `Lỗi: ${error.vi}\nError: ${error.en}`;
  if (error instanceof AppError) {
    const definition = ERRORS[error.code];
    const lines = [`Lỗi: ${fill(definition.vi, error.params)}`, `Error: ${fill(definition.en, error.params)}`];
    for (const field of error.fieldErrors ?? []) lines.push(`  ${field.path}: ${field.message}`);
    return lines.join('\n');
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Lỗi không mong đợi (unexpected error): ${message}`;
}

/** Wraps a command action: a failure prints its message and sets a non-zero exit code instead of a stack trace. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      console.error(describeError(error));
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    }
  };
}
