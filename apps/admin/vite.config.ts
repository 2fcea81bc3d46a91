/// <reference types="vitest/config" />
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API under /admin/ in production; in development vite proxies /api to the API on :3000.
export default defineConfig({
  base: '/admin/',
  plugins: [tanstackRouter({ target: 'react', autoCodeSplitting: true }), react()],
  server: { port: 5173, strictPort: true, proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 900 },
  // jsdom + Mantine is slow when the three suites share two cores: allow more than the default 5 s.
  test: { environment: 'jsdom', globals: true, testTimeout: 20_000, setupFiles: ['../../packages/ui/src/test-setup.ts'], css: false, include: ['src/**/*.test.{ts,tsx}'] },
});
