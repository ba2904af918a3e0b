import type { Actor } from '../../../platform/auth/actor.js';
import { requirePermission } from '../../../platform/auth/access.js';
import { Permission } from '../../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/database/database.js';
import type { Selectable } from 'kysely';
import type { ExchangePeersTable } from '../../../platform/database/schema.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { NewPeerBody, Peer, PeerList } from './exchange.schema.js';

export type PeerRow = Selectable<ExchangePeersTable>;

export const PeerStatus = { Active: 'active', Removed: 'removed' } as const;

/**
 * Peers are trust relationships, like the signing trust list: managed by whoever holds signing.manage across the
 * province (the administrator). The secret is never sent back.
 */
async function requirePeerManager(db: Executor, actor: Actor): Promise<void> {
  await requirePermission(db, actor, Permission.SigningManage, null);
}

const hostedOf = (row: PeerRow): string[] => JSON.parse(row.hosted_organ_ids) as string[];

function toPeer(row: PeerRow): Peer {
  return { id: Number(row.id), organId: row.organ_id, name: row.name, baseUrl: row.base_url, hostedOrganIds: hostedOf(row), status: row.status, createdAt: row.created_at };
}

/** The active peer that hosts an organisation (its root organ id, or one it lists as hosted). */
export async function findPeerByOrgan(db: Executor, organId: string): Promise<PeerRow | undefined> {
  const peers = await db.selectFrom('exchange_peers').selectAll().where('status', '=', PeerStatus.Active).execute();
  return peers.find((peer) => peer.organ_id === organId) ?? peers.find((peer) => hostedOf(peer).includes(organId));
}

export async function listPeers(db: Db, actor: Actor): Promise<PeerList> {
  await requirePeerManager(db, actor);
  const rows = await db.selectFrom('exchange_peers').selectAll().where('status', '=', PeerStatus.Active).orderBy('name').execute();
  return { items: rows.map(toPeer) };
}

export async function addPeer(db: Db, context: AuditContext, actor: Actor, body: NewPeerBody): Promise<Peer> {
  await requirePeerManager(db, actor);
  return db.transaction().execute(async (tx) => {
    if (await findPeerByOrgan(tx, body.organId)) throw new AppError('EXCHANGE_PEER_EXISTS', { organId: body.organId });
    const row = await tx
      .insertInto('exchange_peers')
      .values({
        organ_id: body.organId,
        hosted_organ_ids: JSON.stringify(body.hostedOrganIds ?? []),
        name: body.name,
        base_url: body.baseUrl.replace(/\/+$/, ''),
        secret: body.secret,
        status: PeerStatus.Active,
        created_by: actor.userId,
        created_at: new Date().toISOString(),
        removed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The secret stays out of the audit log.
    await recordAudit(tx, context, { action: 'exchange.peer.add', entityType: 'exchange_peer', entityId: Number(row.id), summary: { organId: row.organ_id, name: row.name, baseUrl: row.base_url } });
    return toPeer(row);
  });
}

export async function removePeer(db: Db, context: AuditContext, actor: Actor, id: number): Promise<void> {
  await requirePeerManager(db, actor);
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('exchange_peers').selectAll().where('id', '=', id).where('status', '=', PeerStatus.Active).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    await tx.updateTable('exchange_peers').set({ status: PeerStatus.Removed, removed_at: new Date().toISOString() }).where('id', '=', id).execute();
    await recordAudit(tx, context, { action: 'exchange.peer.remove', entityType: 'exchange_peer', entityId: id, summary: { organId: row.organ_id } });
  });
}
