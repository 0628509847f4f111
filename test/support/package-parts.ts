import JSZip from 'jszip';

/** Every part of an .xlsx package as text, by path: for byte-for-byte comparisons. */
export async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const path of Object.keys(zip.files)) {
    const f = zip.file(path);
    if (f) out.set(path, await f.async('string'));
  }
  return out;
}
