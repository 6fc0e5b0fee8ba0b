import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorCode } from '../../shared/errors.js';
import { MAX_MATERIAL_BYTES } from '../../shared/materials.js';
import { addFile, readMaterialFile } from '../features/materials/materials.js';
import { readPhoto } from '../features/notes/notes.js';
import type { Hub } from './hub.js';
import { identify, isManagerPrincipal } from './identify.js';

function fail(reply: FastifyReply, status: number, code: ErrorCode, params?: Record<string, string | number>) {
  return reply.code(status).send({ error: { code, params } });
}

/** Content types a browser may be handed inline; anything else downloads. */
const INLINE = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'text/plain']);

function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Files that do not travel in the change feed: flip-chart photos (a table's own, or the
 * managers') and experts' material files (anyone in the room, the view code included).
 */
export function registerFileRoutes(app: FastifyInstance, hub: Hub): void {
  app.get<{ Params: { id: string } }>('/api/photos/:id', async (req, reply) => {
    const who = identify(hub, req);
    if (!who || 'error' in who) return fail(reply, 401, who && 'error' in who ? who.error.code : 'auth.required');
    if (!hub.session) return fail(reply, 409, 'panel.none');
    const photo = readPhoto(hub.session.db, req.params.id);
    if (!photo) return fail(reply, 404, 'notes.notFound', { id: req.params.id });
    const { principal, pending } = who.resolved;
    const allowed = isManagerPrincipal(who.resolved) || (!pending && principal.role === 'secretary' && principal.tableNo === photo.tableNo);
    if (!allowed) return fail(reply, 403, 'scope.forbidden');
    return reply.header('Cache-Control', 'private, max-age=3600').type(photo.mime).send(photo.data);
  });

  app.get<{ Params: { id: string } }>('/api/materials/:id', async (req, reply) => {
    const who = identify(hub, req);
    if (!who || 'error' in who) return fail(reply, 401, who && 'error' in who ? who.error.code : 'auth.required');
    if (who.resolved.pending) return fail(reply, 403, 'auth.pending');
    if (!hub.session) return fail(reply, 409, 'panel.none');
    const file = readMaterialFile(hub.session.db, req.params.id);
    if (!file) return fail(reply, 404, 'materials.notFound', { id: req.params.id });
    const inline = INLINE.has(file.mime);
    return reply
      .header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.fileName))
      .type(inline ? file.mime : 'application/octet-stream')
      .send(file.data);
  });

  // The body is the file itself; its name and title come in the query string.
  app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES }, (_req, body, done) => done(null, body));
    scope.post<{ Querystring: { expertId?: string; title?: string; fileName?: string } }>(
      '/api/materials',
      { bodyLimit: MAX_MATERIAL_BYTES },
      async (req, reply) => {
        const who = identify(hub, req);
        if (!who || 'error' in who) return fail(reply, 401, who && 'error' in who ? who.error.code : 'auth.required');
        if (!isManagerPrincipal(who.resolved)) return fail(reply, 403, 'scope.forbidden');
        const session = hub.session;
        if (!session) return fail(reply, 409, 'panel.none');
        const { expertId, title, fileName } = req.query;
        const data = req.body as Buffer;
        if (!expertId || !title || !fileName || title.length > 200 || fileName.length > 200) {
          return fail(reply, 400, 'protocol.badField', { field: !expertId ? 'expertId' : !title ? 'title' : 'fileName', issue: 'required' });
        }
        if (!Buffer.isBuffer(data) || data.length === 0) return fail(reply, 400, 'protocol.badField', { field: 'file', issue: 'empty' });
        const mime = String(req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().slice(0, 100);
        let id = '';
        hub.broadcast(
          session.record(who.resolved.principal, 'materials.addFile', { expertId, title, fileName, bytes: data.length }, (ctx) => {
            id = addFile(ctx, { expertId, title, fileName, mime, data });
          }),
        );
        return { id };
      },
    );
  });
}
