/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser changes rarely and is most of the bytes: its own chunk stays cached between releases.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup-locales.ts'],
    environment: 'node',
    server: { deps: { external: [/node_modules[\\/]phaser[\\/]/] } },
    testTimeout: 60000,
  },
});
