/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // jsdom + Mantine is slow when the three suites share two cores: allow more than the default 5 s.
  test: { environment: 'jsdom', globals: true, testTimeout: 20_000, setupFiles: ['./src/test-setup.ts'], css: false },
});
