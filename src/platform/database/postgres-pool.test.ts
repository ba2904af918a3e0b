import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MultiHostPool, NoSuitableHostError } from './postgres-pool.js';
import { openDatabase, type Database } from './database.js';
import { startReplication, type Replication } from '../../../test/support/postgres-replication.js';

// Real servers: a primary and a hot standby from scripts/pg-replica.sh (issue 7: failover without restart).
describe('MultiHostPool on a primary and a hot standby', () => {
  let replication: Replication;
  const pools: MultiHostPool[] = [];
  const databases: Database[] = [];
  const pool = (url: string, target: 'read-write' | 'any') => {
    const created = new MultiHostPool({ url, target, max: 2 });
    pools.push(created);
    return created;
  };
  const inRecovery = async (p: MultiHostPool) => {
    const client = await p.connect();
    try {
      return (await client.query<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery')).rows[0]!.recovery;
    } finally {
      client.release();
    }
  };

  beforeAll(async () => {
    replication = await startReplication();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await Promise.all(databases.map((d) => d.close()));
    await replication?.stop();
  });

  it('the writer connects to the read-write host even when the standby is listed first', async () => {
    const { primary, standby } = replication;
    const writer = pool(`postgres://postgres@127.0.0.1:${standby.port},127.0.0.1:${primary.port}/postgres`, 'read-write');
    expect(await inRecovery(writer)).toBe(false);
    expect(writer.currentHost.port).toBe(primary.port);
  });

  it('a read pool takes the standby; target_session_attrs=read-write in its URL narrows it to the primary', async () => {
    const { primary, standby } = replication;
    expect(await inRecovery(pool(standby.url(), 'any'))).toBe(true);
    const narrowed = pool(`postgres://postgres@127.0.0.1:${standby.port},127.0.0.1:${primary.port}/postgres?target_session_attrs=read-write`, 'any');
    expect(await inRecovery(narrowed)).toBe(false);
  });

  it('with only read-only hosts the writer refuses with 57P03 instead of writing anywhere', async () => {
    const { standby } = replication;
    const writer = pool(`postgres://postgres@127.0.0.1:${standby.port},127.0.0.1:${standby.port}/postgres`, 'read-write');
    const error = await writer.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NoSuitableHostError);
    expect((error as NoSuitableHostError).code).toBe('57P03');
  });

  it('one unreachable host gives its own connection error', async () => {
    const closed = pool('postgres://postgres@127.0.0.1:1/postgres', 'read-write');
    await expect(closed.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('after the primary is lost and the standby promoted, the same open database writes to the promoted server', async () => {
    const database = openDatabase({ databaseUrl: replication.bothHostsUrl(), dataDir: '/nonexistent', maxConnections: 2 });
    databases.push(database);
    await sql`CREATE TABLE failover_probe (id integer PRIMARY KEY)`.execute(database.db);
    await sql`INSERT INTO failover_probe VALUES (1)`.execute(database.db);
    await replication.standbyCaughtUp();

    await replication.losePrimary();
    // Between the loss and the promotion no host is writable: the writer refuses rather than hangs.
    await expect(sql`INSERT INTO failover_probe VALUES (2)`.execute(database.db)).rejects.toThrow();
    await replication.promoteStandby();

    // Broken pooled connections fail once each and are dropped; the pool then finds the promoted server.
    let written = false;
    for (let attempt = 0; attempt < 5 && !written; attempt++) {
      written = await sql`INSERT INTO failover_probe VALUES (2)`.execute(database.db).then(
        () => true,
        () => false,
      );
    }
    expect(written).toBe(true);
    const { rows } = await sql<{ id: number; recovery: boolean }>`SELECT id, pg_is_in_recovery() AS recovery FROM failover_probe ORDER BY id`.execute(database.db);
    expect(rows).toEqual([
      { id: 1, recovery: false },
      { id: 2, recovery: false },
    ]);
  });
});
