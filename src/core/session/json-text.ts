/**
 * JSON text -> value, with a message a person can act on: an empty file, a
 * file cut off before its end (an interrupted download or copy), or where
 * the text stops being JSON. The cut-off test reads the text itself, not the
 * engine's error wording (which differs between browsers and Node).
 */
export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Whether the text stops inside a string, an array or an object. */
export function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

export function parseJsonText(text: string): JsonParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    if (endsEarly(body)) return { ok: false, error: `the file is cut off: its JSON ends after ${body.length} characters, before it is complete (an interrupted download or copy?)` };
    return { ok: false, error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}
