/** Vite's `?worker&url` imports (the renderer does not load vite/client's types): the built worker's URL. */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
