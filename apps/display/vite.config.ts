import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the hall server at /display/ (and loaded from there by the Electron shell).
export default defineConfig({
  base: '/display/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'ws://localhost:8080', ws: true } },
  },
});
