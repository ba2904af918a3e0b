import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { addTrustAnchor, getTrustAnchors, removeTrustAnchor } from './trust-anchors.js';
import { getCredentials, registerCredential, revokeCredential } from './credentials.js';
import { getMyCredentials, removeSessionCredential, uploadSessionCredential } from './session-credential.js';
import { openSecretBox } from './secret-box.js';
import { CredentialOwnerKind } from './signing.repository.js';
import { invalidField, readSigningForm, requireFields, requireFile } from './signing-form.js';
import { Credential, IdParams, MyCredentials, SessionCredential, TrustAnchor, VerifyResult } from './signing.schema.js';
import { verifyPdfWithTrustList } from './trust-list.js';

const TAGS = ['Chữ ký số'];
/** Anyone may verify a PDF; the public page is throttled per client address like the other public look-ups. */
const VERIFICATIONS_PER_MINUTE = 30;
const MULTIPART = 'multipart/form-data';
const POSITIVE_INTEGER = /^[1-9]\d{0,9}$/;

export async function signingRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { config, db } = app.ctx;
  // At start: a missing or unreadable key stops the server instead of the first signature.
  const secrets = openSecretBox(config);
  // Every signing form is read into memory (pdf verification, PKCS#12 files): the in-memory limit, not the streamed one.
  const maxBytes = Math.min(config.uploadMaxBytes, config.inMemoryFileMaxBytes);
  // Registered inside this plugin only, as in the files module.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 8, parts: 9, fieldSize: 1024 } });

  app.post(
    '/api/signatures/verify',
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Kiểm tra chữ ký số trên tệp PDF (verify the signatures of a PDF; no sign-in needed)',
        description: 'multipart/form-data, trường "file" (PDF).',
        consumes: [MULTIPART],
        response: { 200: VerifyResult },
      },
    },
    async (request) => {
      await enforceRateLimit(db, `signatures:verify:${request.ip ?? 'unknown'}`, VERIFICATIONS_PER_MINUTE, 60_000);
      const form = await readSigningForm(request, maxBytes, []);
      const file = requireFile(form, request.language);
      if (!file.content.subarray(0, 1024).includes('%PDF-')) throw new AppError('SIGNING_NOT_PDF');
      return { signatures: await verifyPdfWithTrustList(db, file.content, request.language) };
    },
  );

  app.get(
    '/api/signing/trust-anchors',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Danh sách tổ chức chứng thực tin cậy (trust list)', response: { 200: Type.Array(TrustAnchor) } } },
    async (request) => getTrustAnchors(db, requireActor(request)),
  );

  app.post(
    '/api/signing/trust-anchors',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Thêm chứng thư CA vào danh sách tin cậy (add a trust anchor)',
        description: 'multipart/form-data: "file" (chứng thư PEM hoặc DER), "label".',
        consumes: [MULTIPART],
        response: { 201: TrustAnchor },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const form = await readSigningForm(request, maxBytes, ['label']);
      const file = requireFile(form, request.language);
      const { label } = requireFields(form, ['label'], request.language);
      return reply.code(201).send(await addTrustAnchor(db, request.auditContext(), actor, { certificate: file.content, label }));
    },
  );

  app.delete(
    '/api/signing/trust-anchors/:id',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Gỡ một chứng thư khỏi danh sách tin cậy', params: IdParams } },
    async (request, reply) => {
      await removeTrustAnchor(db, request.auditContext(), requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/signing/credentials',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Chứng thư số đã đăng ký (registered credentials, no key material)', response: { 200: Type.Array(Credential) } } },
    async (request) => getCredentials(db, requireActor(request)),
  );

  app.post(
    '/api/signing/credentials',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Đăng ký chứng thư số (PKCS#12) cho cán bộ hoặc con dấu số của đơn vị',
        description: 'multipart/form-data: "file" (.p12/.pfx), "passphrase", "ownerKind" (user | unit_seal), "userId" hoặc "unitId", "label".',
        consumes: [MULTIPART],
        response: { 201: Credential },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const language = request.language;
      const form = await readSigningForm(request, maxBytes, ['passphrase', 'ownerKind', 'userId', 'unitId', 'label']);
      const file = requireFile(form, language);
      const { ownerKind, label } = requireFields(form, ['ownerKind', 'label'], language);
      if (ownerKind !== CredentialOwnerKind.User && ownerKind !== CredentialOwnerKind.UnitSeal) {
        throw invalidField('/ownerKind', { vi: 'Phải là "user" hoặc "unit_seal".', en: 'Must be "user" or "unit_seal".' }, language);
      }
      const ownerField = ownerKind === CredentialOwnerKind.User ? 'userId' : 'unitId';
      const ownerId = form.fields[ownerField] ?? '';
      if (!POSITIVE_INTEGER.test(ownerId)) throw invalidField(`/${ownerField}`, { vi: 'Phải là số nguyên dương.', en: 'Must be a positive integer.' }, language);
      const credential = await registerCredential(db, secrets, request.auditContext(), actor, {
        p12: file.content,
        passphrase: form.fields.passphrase ?? '',
        ownerKind,
        [ownerField]: Number(ownerId),
        label,
      });
      return reply.code(201).send(credential);
    },
  );

  app.delete(
    '/api/signing/credentials/:id',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Thu hồi chứng thư số đã đăng ký (the key material is erased)', params: IdParams } },
    async (request, reply) => {
      await revokeCredential(db, request.auditContext(), requireActor(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/signing/my-credentials',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Chứng thư số tôi có thể dùng để ký', response: { 200: MyCredentials } } },
    async (request) => getMyCredentials(db, requireActor(request)),
  );

  app.post(
    '/api/signing/session-credential',
    {
      schema: {
        tags: TAGS,
        security: SIGNED_IN,
        summary: 'Tải lên tệp PKCS#12 để ký trong phiên làm việc này (kept encrypted, removed at sign-out)',
        description: 'multipart/form-data: "file" (.p12/.pfx), "passphrase".',
        consumes: [MULTIPART],
        response: { 201: SessionCredential },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const form = await readSigningForm(request, maxBytes, ['passphrase']);
      const file = requireFile(form, request.language);
      const view = await uploadSessionCredential(db, secrets, request.auditContext(), actor, { p12: file.content, passphrase: form.fields.passphrase ?? '' });
      return reply.code(201).send(view);
    },
  );

  app.delete(
    '/api/signing/session-credential',
    { schema: { tags: TAGS, security: SIGNED_IN, summary: 'Xóa tệp PKCS#12 của phiên làm việc' } },
    async (request, reply) => {
      await removeSessionCredential(db, request.auditContext(), requireActor(request));
      return reply.code(204).send();
    },
  );
}
