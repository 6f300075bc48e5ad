/** Vite's `?raw` suffix imports a file's text (used by tests to read YAML without `node:fs`). */
declare module '*?raw' {
  const text: string;
  export default text;
}
