import { z } from 'zod';
import type { SimRequest } from '../../sandbox/simulatorServer.ts';

/** A JSON object (an API request body, or one article of draft/add). */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

/** The JSON object body of a request, or null when it is not one (WeChat: 47001). */
export function jsonBody(request: SimRequest): Record<string, unknown> | null {
  try {
    const parsed = JsonObjectSchema.safeParse(JSON.parse(request.body.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function stringField(body: Record<string, unknown> | null, name: string): string | null {
  const value = body?.[name];
  return typeof value === 'string' ? value : null;
}

/** The multipart file in the field `media`, or null. */
export async function mediaFile(
  request: SimRequest,
): Promise<{ name: string; bytes: Buffer } | null> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return null;
  try {
    const form = await new Response(new Uint8Array(request.body), {
      headers: { 'content-type': type },
    }).formData();
    const media = form.get('media');
    if (!(media instanceof File)) return null;
    return { name: media.name, bytes: Buffer.from(await media.arrayBuffer()) };
  } catch {
    return null;
  }
}

/** The image type by extension and magic bytes, as WeChat checks both. */
export function imageKind(name: string, bytes: Buffer): 'png' | 'jpeg' | 'gif' | 'bmp' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return ext === 'png' ? 'png' : null;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return ext === 'jpg' || ext === 'jpeg' ? 'jpeg' : null;
  }
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return ext === 'gif' ? 'gif' : null;
  if (bytes.subarray(0, 2).toString('latin1') === 'BM') return ext === 'bmp' ? 'bmp' : null;
  return null;
}
