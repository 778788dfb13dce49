import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built web UI (dist/web), found from both `src/server` and `dist/server`. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export function hasWebUi(): boolean {
  return existsSync(`${WEB_ROOT}index.html`);
}
