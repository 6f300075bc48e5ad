import { displayConfigSchema, localizedTextSchema } from '@yizhan/shared';
import { z } from 'zod';
import { DEFAULT_DISPLAY, type DisplayCatalog } from './store';

// Only the parts the displays read; the rest of the catalog passes through unchecked.
const catalogSchema = z.object({
  hall: z.object({ name: localizedTextSchema, timezone: z.string() }),
  services: z.array(z.object({ code: z.string(), prefix: z.string() })),
  pauseReasons: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
  departments: z.array(z.object({ code: z.string(), name: localizedTextSchema })),
  display: displayConfigSchema.optional(),
});

/** GET /api/catalog, checked; retried until the server answers. */
export async function loadCatalog(signal?: AbortSignal): Promise<DisplayCatalog> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch('/api/catalog', signal ? { signal } : {});
      if (response.ok) {
        const parsed = catalogSchema.parse(await response.json());
        return {
          hallName: parsed.hall.name,
          timezone: parsed.hall.timezone,
          display: parsed.display ?? DEFAULT_DISPLAY,
          names: { pauseReasons: parsed.pauseReasons, services: parsed.services },
          departments: parsed.departments,
        };
      }
    } catch (error) {
      if (signal?.aborted) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** attempt)));
  }
}
