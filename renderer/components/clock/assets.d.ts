/** Vite's `?url` imports: the built asset's address (see renderer/components/clock/chime.ts). */
declare module '*.wav?url' {
  const url: string;
  export default url;
}
