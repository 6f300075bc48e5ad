import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });
const period = z.object({ from: z.string(), to: z.string() });

/** GET /api/catalog, checked on arrival: the kiosk draws nothing it has not validated. */
export const catalogSchema = z.object({
  version: z.number(),
  hall: z.object({ code: z.string(), name: text, timezone: z.string(), notices: z.array(text) }),
  openingHours: z.object({
    mon: z.array(period),
    tue: z.array(period),
    wed: z.array(period),
    thu: z.array(period),
    fri: z.array(period),
    sat: z.array(period),
    sun: z.array(period),
  }),
  ticketing: z.object({ cutoffMinutes: z.number() }),
  categories: z.array(z.object({ code: z.string(), name: text })),
  services: z.array(
    z.object({
      code: z.string(),
      name: text,
      category: z.string(),
      prefix: z.string(),
      pinyin: z.string().nullable(),
      materials: z.array(text),
      route: z.array(z.object({ name: text, targetWaitMinutes: z.number(), serviceMinutes: z.number() })),
      promisedWorkingDays: z.number(),
      appointments: z.boolean(),
    }),
  ),
  priority: z.object({ greenChannelReasons: z.array(z.object({ code: z.string(), name: text })) }),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogService = Catalog['services'][number];

export async function fetchCatalog(): Promise<Catalog> {
  const response = await fetch('/api/catalog', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`catalog: HTTP ${response.status}`);
  return catalogSchema.parse(await response.json());
}

/** Services whose pinyin initials (or name, in either language) contain the query. */
export function searchServices(catalog: Catalog, query: string): CatalogService[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  return catalog.services.filter(
    (s) =>
      (s.pinyin ?? '').includes(q) || s.name.zh.includes(query.trim()) || s.name.en.toLowerCase().includes(q),
  );
}
