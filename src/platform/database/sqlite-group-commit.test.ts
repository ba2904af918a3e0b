import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';

interface Rows {
  items: { id: number; name: string };
}

/** A database file written through the group-commit driver, read back through a second connection of its own. */
function openPair() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-group-commit-'));
  const file = path.join(dir, 'db.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
  const control = { commits: 0, failNextCommit: false };
  const prepare = (text: string) => {
    if (/^commit$/i.test(text)) {
      if (control.failNextCommit) {
        control.failNextCommit = false;
        throw new Error('disk I/O error (test)');
      }
      control.commits += 1;
    }
    return sqlite.prepare(text);
  };
  const db = new Kysely<Rows>({ dialect: new GroupCommitSqliteDialect({ sqlite, prepare }) });
  const other = new SQLite(file, { readonly: true });
  const committedNames = () => (other.prepare('SELECT name FROM items ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  return {
    db,
    control,
    committedNames,
    close: async () => {
      other.close();
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('SQLite group commit', () => {
  let t: ReturnType<typeof openPair>;
  beforeEach(() => {
    t = openPair();
  });
  afterEach(async () => {
    await t.close();
  });

  it('lets concurrent transactions share one COMMIT, each resolving only once its row is committed', async () => {
    const seenAtAcknowledgement: boolean[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db
          .transaction()
          .execute(async (tx) => {
            await tx.insertInto('items').values({ id: i + 1, name: `n${String(i).padStart(2, '0')}` }).execute();
            await tx.selectFrom('items').selectAll().where('id', '=', i + 1).executeTakeFirstOrThrow();
          })
          // Another connection sees only committed data: the row must be there when the caller hears back.
          .then(() => seenAtAcknowledgement.push(t.committedNames().includes(`n${String(i).padStart(2, '0')}`))),
      ),
    );
    expect(seenAtAcknowledgement).toEqual(Array(20).fill(true));
    expect(t.committedNames()).toHaveLength(20);
    expect(t.control.commits).toBeLessThan(20);
  });

  it('rolls back a failing transaction alone; the others of its batch commit', async () => {
    await t.db.insertInto('items').values({ id: 100, name: 'taken' }).execute();
    const results = await Promise.allSettled([
      t.db.transaction().execute((tx) => tx.insertInto('items').values({ id: 1, name: 'a' }).execute()),
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('items').values({ id: 2, name: 'b' }).execute();
        // Unique violation: this whole transaction (b included) must disappear, and only it.
        await tx.insertInto('items').values({ id: 3, name: 'taken' }).execute();
      }),
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('items').values({ id: 4, name: 'c' }).execute();
        throw new Error('use case refused');
      }),
      t.db.transaction().execute((tx) => tx.insertInto('items').values({ id: 5, name: 'd' }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(t.committedNames()).toEqual(['a', 'd', 'taken']);
  });

  it('holds a plain write made while a batch is open until that batch commits', async () => {
    let plainSawCommit = false;
    await Promise.all([
      t.db.transaction().execute((tx) => tx.insertInto('items').values({ id: 1, name: 'in-transaction' }).execute()),
      t.db
        .insertInto('items')
        .values({ id: 2, name: 'plain' })
        .execute()
        .then(() => (plainSawCommit = t.committedNames().includes('plain'))),
    ]);
    expect(plainSawCommit).toBe(true);
    expect(t.committedNames()).toEqual(['in-transaction', 'plain']);
  });

  it('fails every transaction of a batch whose COMMIT fails, writes none of them, and goes on working', async () => {
    t.control.failNextCommit = true;
    const results = await Promise.allSettled(
      [1, 2, 3].map((id) => t.db.transaction().execute((tx) => tx.insertInto('items').values({ id, name: `lost${id}` }).execute())),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(t.committedNames()).toEqual([]);
    await t.db.transaction().execute((tx) => tx.insertInto('items').values({ id: 9, name: 'after' }).execute());
    expect(t.committedNames()).toEqual(['after']);
  });

  it('keeps nested savepoints of a transaction working', async () => {
    await t.db.transaction().execute(async (tx) => {
      await tx.insertInto('items').values({ id: 1, name: 'outer' }).execute();
      await sql`SAVEPOINT inner_step`.execute(tx);
      await tx.insertInto('items').values({ id: 2, name: 'inner' }).execute();
      await sql`ROLLBACK TO inner_step`.execute(tx);
      await sql`RELEASE inner_step`.execute(tx);
    });
    expect(t.committedNames()).toEqual(['outer']);
  });
});
