// hls.js ships no typings for its light entry; it is the same API as the full build minus alt-audio, subtitles and DRM.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
