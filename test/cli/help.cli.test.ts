import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { runCli } from './run-cli.js';

function allCommands(command: Command, prefix: string[] = []): { path: string; command: Command }[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [{ path: path.join(' '), command: sub }, ...allCommands(sub, path)];
  });
}

const VIETNAMESE_LETTER = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('cqs --help', { timeout: 60_000 }, () => {
  it('describes every command, subcommand and option in Vietnamese, with English in parentheses', () => {
    const commands = allCommands(createProgram());
    expect(commands.map((c) => c.path)).toEqual(
      expect.arrayContaining(['serve', 'migrate', 'seed demo', 'seed province', 'user add', 'user reset-password', 'user disable', 'backup', 'restore', 'audit verify']),
    );
    for (const { path, command } of commands) {
      const description = command.description();
      expect(description, path).toMatch(VIETNAMESE_LETTER);
      expect(description, path).toMatch(/\([a-z][^)]*\)/);
      for (const option of command.options) expect(option.description, `${path} ${option.flags}`).toMatch(/\([a-zA-Z][^)]*\)/);
      expect(command.helpInformation()).toContain('hiển thị trợ giúp (show help)');
    }
  });

  it('the real binary prints the help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    const flat = run.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Nạp dữ liệu ban đầu vào cơ sở dữ liệu trống (load initial data');
    expect(flat).toContain('PHẢI DỪNG MÁY CHỦ TRƯỚC');
  });
});
