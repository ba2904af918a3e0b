import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { insertDocumentsWorld, type DocPerson, type DocumentsWorld } from '../../../test/support/documents.js';
import { bearer } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';

describe.each(DIALECTS)('the officials a drafter may name as signer or reviewer, on %s', (dialect) => {
  let t: TestApp;
  let world: DocumentsWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await insertDocumentsWorld(t.db);
  });
  afterAll(async () => t?.close());

  const officials = (person: Pick<DocPerson, 'token'>, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/documents/officials?${query}`, headers: { ...bearer(person.token), 'accept-language': 'en' } });
  const names = (response: { json(): { items: { fullName: string }[] } }) => response.json().items.map((o) => o.fullName);

  it('lists the unit’s signers to a specialist, who has no access to the user directory', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer(world.specialist.token) })).statusCode).toBe(403);
    const response = await officials(world.specialist, `unitId=${world.units.justice}`);
    expect(response.statusCode, response.body).toBe(200);
    // The director (subtree grant) and the head of division (grant on the department) sign; nobody of another unit.
    expect(names(response)).toEqual([world.head.fullName, world.leader.fullName].sort());
    expect(response.json().items.find((o: { id: number }) => o.id === world.leader.id)).toMatchObject({ title: 'Giám đốc' });
  });

  it('lists colleagues who may review, without people of other units', async () => {
    const response = await officials(world.specialist, `unitId=${world.units.justice}&right=review`);
    expect(response.statusCode, response.body).toBe(200);
    expect(names(response)).toEqual([world.clerk.fullName, world.head.fullName, world.specialist.fullName, world.leader.fullName].sort());
  });

  it('refuses an official without document rights on the unit, and bad input', async () => {
    expectProblem(await officials(world.outsider, `unitId=${world.units.justice}`), 403, 'FORBIDDEN');
    const missing = expectProblem(await officials(world.specialist, ''), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(missing.errors)).toContain('unitId');
    expectProblem(await officials(world.specialist, `unitId=${world.units.justice}&right=approve`), 400, 'VALIDATION_FAILED');
    expect((await t.app.inject({ method: 'GET', url: `/api/documents/officials?unitId=${world.units.justice}` })).statusCode).toBe(401);
  });
});
