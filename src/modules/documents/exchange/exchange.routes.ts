import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../app.js';
import { requireActor } from '../../../platform/auth/authenticate.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { SIGNED_IN } from '../../../platform/http/route-security.js';
import { createFileStore } from '../../../platform/storage/create-file-store.js';
import { getReadableDocument } from '../document-detail.js';
import { DocumentIdParams } from '../documents.schema.js';
import { INBOX_PATH } from './deliver-document.js';
import { exchangeAuditContext } from './exchange-context.js';
import { parseRecallXml, parseStatusXml } from './exchange-messages.js';
import { parsePackageXml } from './exchange-package.js';
import { Accepted, NewPeerBody, Peer, PeerIdParams, PeerList } from './exchange.schema.js';
import { ExchangeHeader, isAuthentic, MAX_CLOCK_SKEW_MS } from './message-signature.js';
import { packageOfDocument, recipientOrgansOf } from './package-of-document.js';
import { addPeer, findPeerByOrgan, listPeers, removePeer, type PeerRow } from './peers.js';
import { receivePackage } from './receive-package.js';
import { RECALL_PATH, receiveRecall } from './recall-messages.js';
import { receiveStatus, STATUS_PATH } from './status-messages.js';

const TAGS = ['Trao đổi văn bản'];
const XML_TYPES = ['application/xml', 'text/xml'];
/** Peer messages carry no session: the HMAC of the body under the peer's shared secret authenticates them. */
const PEER_SIGNED = { description: `Headers ${ExchangeHeader.From}, ${ExchangeHeader.Timestamp}, ${ExchangeHeader.Signature} (HMAC-SHA256 of "timestamp.body")` };

export async function exchangeRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;
  const store = createFileStore(config);
  // Packages carry the PDFs base64-encoded (a third larger) and are parsed in memory: room for a signed PDF and three
  // attachments of the in-memory file limit, plus the XML.
  const packageLimit = Math.ceil((Math.min(config.uploadMaxBytes, config.inMemoryFileMaxBytes) * 4) / 3) * 4 + 1_000_000;
  // Kept as text: the signature is over the exact bytes received. Only inside this plugin.
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: packageLimit }, (_request, body, done) => done(null, body));

  /** The peer that signed this message, or EXCHANGE_UNAUTHENTICATED (deny by default). */
  async function authenticatePeer(request: FastifyRequest): Promise<{ peer: PeerRow; from: string; body: string }> {
    const from = request.headers[ExchangeHeader.From];
    const body = typeof request.body === 'string' ? request.body : '';
    const peer = typeof from === 'string' ? await findPeerByOrgan(db, from) : undefined;
    const timestamp = request.headers[ExchangeHeader.Timestamp];
    const signature = request.headers[ExchangeHeader.Signature];
    if (!peer || !isAuthentic(peer.secret, typeof timestamp === 'string' ? timestamp : undefined, typeof signature === 'string' ? signature : undefined, body)) {
      throw new AppError('EXCHANGE_UNAUTHENTICATED');
    }
    return { peer, from: from as string, body };
  }
  /** Before the body is read: a sender that is no registered peer, or a stale message, is turned away at once. */
  async function knownSender(request: FastifyRequest): Promise<void> {
    const from = request.headers[ExchangeHeader.From];
    const timestamp = Number(request.headers[ExchangeHeader.Timestamp]);
    if (typeof from !== 'string' || !Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > MAX_CLOCK_SKEW_MS || !(await findPeerByOrgan(db, from))) {
      throw new AppError('EXCHANGE_UNAUTHENTICATED');
    }
  }
  const peerContext = (request: FastifyRequest) => exchangeAuditContext({ ip: request.ip, requestId: request.id });

  app.get(
    '/api/documents/:id/package',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Gói tin trao đổi của văn bản (XML theo tinh thần edXML: siêu dữ liệu Phụ lục VI, tệp đính kèm base64)',
        params: DocumentIdParams,
        produces: ['application/xml'],
      },
    },
    async (request, reply) => {
      const { row } = await getReadableDocument(db, request.auditContext(), requireActor(request), request.params.id, 'package');
      const xml = await packageOfDocument(db, store, row, await recipientOrgansOf(db, Number(row.id)));
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'private, no-store').send(xml);
    },
  );

  app.get('/api/exchange/peers', { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Các hệ thống kết nối trao đổi văn bản (exchange peers)', response: { 200: PeerList } } }, async (request) =>
    listPeers(db, requireActor(request)),
  );
  app.post(
    '/api/exchange/peers',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Thêm hệ thống kết nối (add a peer)', body: NewPeerBody, response: { 201: Peer } } },
    async (request, reply) => reply.code(201).send(await addPeer(db, request.auditContext(), requireActor(request), request.body)),
  );
  app.delete(
    '/api/exchange/peers/:id',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Ngừng kết nối với một hệ thống (remove a peer)', params: PeerIdParams } },
    async (request, reply) => {
      await removePeer(db, request.auditContext(), requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    INBOX_PATH,
    {
      config: { public: true },
      bodyLimit: packageLimit,
      onRequest: knownSender,
      schema: { tags: TAGS, summary: 'Nhận gói tin văn bản từ hệ thống khác (receive a package)', description: PEER_SIGNED.description, consumes: XML_TYPES, response: { 200: Accepted, 201: Accepted } },
    },
    async (request, reply) => {
      const { peer, body } = await authenticatePeer(request);
      const received = await receivePackage({ db, store, publicUrl: config.publicUrl }, peerContext(request), peer, parsePackageXml(body));
      return reply.code(received.created ? 201 : 200).send({ status: 'received', documentId: received.documentId });
    },
  );

  app.post(
    STATUS_PATH,
    {
      config: { public: true },
      schema: { tags: TAGS, summary: 'Nhận trạng thái xử lý văn bản từ nơi nhận (handling status from a recipient)', description: PEER_SIGNED.description, consumes: XML_TYPES, response: { 200: Accepted } },
    },
    async (request) => {
      const { from, body } = await authenticatePeer(request);
      const message = parseStatusXml(body);
      // A peer reports only for the organisations it hosts: the one it signed as.
      if (message.OrganId !== from) throw new AppError('EXCHANGE_UNAUTHENTICATED');
      return receiveStatus(db, peerContext(request), message);
    },
  );

  app.post(
    RECALL_PATH,
    {
      config: { public: true },
      schema: { tags: TAGS, summary: 'Nhận yêu cầu thu hồi văn bản từ nơi gửi (recall from the sender)', description: PEER_SIGNED.description, consumes: XML_TYPES, response: { 200: Accepted } },
    },
    async (request) => {
      const { peer, body } = await authenticatePeer(request);
      return receiveRecall(db, peerContext(request), peer, parseRecallXml(body));
    },
  );
}
