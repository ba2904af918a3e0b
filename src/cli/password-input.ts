import readline from 'node:readline';
import { Writable } from 'node:stream';
import { passwordWeakness } from '../platform/auth/password-policy.js';
import { CliError } from './output.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

async function prompt(question: string): Promise<string> {
  // A muted output stream: what the administrator types is not echoed to the terminal.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  try {
    process.stderr.write(question);
    muted = true;
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    muted = false;
    process.stderr.write('\n');
    rl.close();
  }
}

/**
 * The new password: from CQS_PASSWORD, else the first line of standard input (scripts: `echo … | cqs …`),
 * else typed twice at the terminal. Never taken from an argument, which `ps` and shell history would show.
 */
export async function readNewPassword(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.CQS_PASSWORD) return env.CQS_PASSWORD;
  if (!process.stdin.isTTY) {
    const line = (await readAll(process.stdin)).split(/\r?\n/)[0] ?? '';
    if (!line) {
      throw new CliError(
        'Chưa có mật khẩu: đặt biến CQS_PASSWORD hoặc đưa mật khẩu vào đầu vào chuẩn.',
        'No password: set CQS_PASSWORD or pipe the password on standard input.',
      );
    }
    return line;
  }
  const first = await prompt('Mật khẩu mới (new password): ');
  const second = await prompt('Nhập lại mật khẩu (repeat password): ');
  if (first !== second) throw new CliError('Hai lần nhập mật khẩu không khớp.', 'The two passwords do not match.');
  return first;
}

/** The new password, refused here with the policy's reason in both languages (the use case checks it again). */
export async function readStrongPassword(username: string): Promise<string> {
  const password = await readNewPassword();
  const weakness = passwordWeakness(password, { username });
  if (weakness) throw new CliError(`Mật khẩu không đủ mạnh: ${weakness.vi}`, `The password is too weak: ${weakness.en}`);
  return password;
}
