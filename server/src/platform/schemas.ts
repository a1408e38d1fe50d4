import { z } from 'zod';

/** A moment in time: a Date in code, an ISO 8601 string on the wire and in the OpenAPI document. */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

export const okResponse = z.object({ ok: z.literal(true) });
