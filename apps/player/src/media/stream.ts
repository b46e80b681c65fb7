// Attaches the show's LL-HLS stream to the video element (hls.js light, or native HLS in Safari) and
// hands the media clock a way to read each frame's program date.
import Hls, { type Fragment, type LevelDetails } from 'hls.js/light';
import { createBackoff } from '../connection/backoff.js';
import { nativeProgramDate, programDateAt, type ProgramDateSource } from './media-clock.js';

export interface StreamHandle {
  readonly programDate: ProgramDateSource;
  readonly engine: 'hls.js' | 'native';
  destroy(): void;
}

export interface StreamCallbacks {
  onError(message: string): void;
  onPlaying(): void;
}

export function attachStream(video: HTMLVideoElement, src: string, cb: StreamCallbacks): StreamHandle | null {
  if (Hls.isSupported()) return attachHlsJs(video, src, cb);
  if (video.canPlayType('application/vnd.apple.mpegurl')) return attachNative(video, src, cb);
  cb.onError('This browser cannot play the live stream.');
  return null;
}

function tryPlay(video: HTMLVideoElement): void {
  // Muted autoplay is allowed almost everywhere; where it is not, the tap-to-unmute button also starts playback.
  video.play().catch(() => undefined);
}

function attachHlsJs(video: HTMLVideoElement, src: string, cb: StreamCallbacks): StreamHandle {
  let details: LevelDetails | null = null;
  let current: Fragment | null = null;
  let hls: Hls | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const backoff = createBackoff({ baseMs: 1000, maxMs: 10_000 });
  const onPlaying = () => {
    backoff.reset();
    cb.onPlaying();
  };
  video.addEventListener('playing', onPlaying);

  const start = () => {
    hls = new Hls({ lowLatencyMode: true, enableWorker: true, backBufferLength: 30 });
    hls.on(Hls.Events.LEVEL_UPDATED, (_e, data) => (details = data.details));
    hls.on(Hls.Events.LEVEL_LOADED, (_e, data) => (details = data.details));
    hls.on(Hls.Events.FRAG_CHANGED, (_e, data) => (current = data.frag));
    hls.on(Hls.Events.MANIFEST_PARSED, () => tryPlay(video));
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal || !hls) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return hls.recoverMediaError();
      // A fatal network error (origin restarting, playlist gone): start over after a backoff.
      cb.onError('The live stream is reconnecting…');
      hls.destroy();
      hls = null;
      retry = setTimeout(start, backoff.next());
    });
    hls.loadSource(src);
    hls.attachMedia(video);
  };
  start();

  const programDate: ProgramDateSource = (mediaTime) => {
    const frags: Fragment[] = details?.fragments ?? [];
    const fromPlaylist = programDateAt(mediaTime, current ? [current, ...frags] : frags);
    if (fromPlaylist !== null) return fromPlaylist;
    return hls?.playingDate?.getTime() ?? null;
  };

  return {
    programDate,
    engine: 'hls.js',
    destroy() {
      clearTimeout(retry);
      video.removeEventListener('playing', onPlaying);
      hls?.destroy();
      hls = null;
    },
  };
}

function attachNative(video: HTMLVideoElement, src: string, cb: StreamCallbacks): StreamHandle {
  const onPlaying = () => cb.onPlaying();
  const onError = () => cb.onError('The live stream could not be loaded.');
  video.addEventListener('playing', onPlaying);
  video.addEventListener('error', onError);
  video.src = src;
  tryPlay(video);
  const startDate = (video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate;
  return {
    programDate: (mediaTime) => nativeProgramDate(startDate ? startDate.call(video).getTime() : Number.NaN, mediaTime),
    engine: 'native',
    destroy() {
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    },
  };
}
