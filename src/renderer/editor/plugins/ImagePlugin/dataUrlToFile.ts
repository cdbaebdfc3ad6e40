/**
 * The image of a `data:image/...;base64,` URL as a File, to import it like a picked file.
 * Returns null when the URL is not base64 image data.
 */
export function dataUrlToFile(dataUrl: string, baseName: string): File | null {
  const match = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)$/i.exec(dataUrl);
  if (!match?.[1] || !match[2]) return null;
  let binary: string;
  try {
    binary = atob(match[2]);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const type = match[1].toLowerCase();
  const extension = type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length);
  return new File([bytes], `${baseName}.${extension}`, { type });
}
