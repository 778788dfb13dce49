import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web UI (src/web) builds to dist/web, which the server serves. In development,
 * `npm run dev:web` serves the UI with hot reload and sends /api to a running `npm start`.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
