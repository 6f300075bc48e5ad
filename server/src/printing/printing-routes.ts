import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../app/server-context';

const paperSchema = z.enum(['58', '80']).default('80');

/**
 * HTTP for printing: GET /api/printers (staff: each printer's last known
 * state), GET /api/tickets/:id/receipt?paper=58|80 (a kiosk device, with its
 * key in `X-Device-Key`, or staff: the ticket's ESC/POS bytes, for a USB
 * printer driven by the kiosk's Electron shell).
 */
export function printingRoutes(ctx: ServerContext): express.Router {
  const router = express.Router();

  router.get('/api/printers', (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (!staff(ctx, req)) return denied(res);
    res.json({ printers: ctx.printing?.statuses() ?? [] });
  });

  router.get('/api/tickets/:ticketId/receipt', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const key = req.get('x-device-key');
    const device = key ? ctx.devices.authenticate(key) : null;
    if (device?.kind !== 'kiosk' && !staff(ctx, req)) return denied(res);
    const paper = paperSchema.safeParse(req.query['paper']);
    if (!paper.success) return void res.status(400).json({ error: 'invalid-payload' });
    const bytes = ctx.printing?.receiptBytes(String(req.params['ticketId']), Number(paper.data) as 58 | 80);
    if (!bytes) return void res.status(404).json({ error: 'unknown-ticket' });
    res.type('application/octet-stream').send(bytes);
  });

  return router;
}

function staff(ctx: ServerContext, req: Request): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ? ctx.accounts.authenticate(match[1]).ok : false;
}

function denied(res: Response): void {
  res.status(401).json({ error: 'unauthenticated' });
}
