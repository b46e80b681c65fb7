// The player's own controls: play and pause, mute and unmute (again and again), volume, and full screen on the
// whole player, so the cards and the cart stay on the picture (the video's own full screen would drop them).
import { setIcon } from './icons.js';
import type { PlayerView } from './player-view.js';

type Listen = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, fn: (e: HTMLElementEventMap[K]) => void) => void;

interface FullscreenDocument extends Document {
  webkitFullscreenElement?: Element | null;
  webkitExitFullscreen?: () => Promise<void>;
}
interface FullscreenElement extends HTMLElement {
  webkitRequestFullscreen?: () => Promise<void>;
}
interface IosVideo extends HTMLVideoElement {
  webkitEnterFullscreen?: () => void;
}

export function bindControls(view: PlayerView, host: HTMLElement, listen: Listen): void {
  const { video, playPause, mute, volume, fullscreen } = view;
  const doc = document as FullscreenDocument;

  const syncPlay = () => setIcon(playPause, video.paused ? 'play' : 'pause', video.paused ? 'Play' : 'Pause');
  const syncSound = () => {
    const silent = video.muted || video.volume === 0;
    setIcon(mute, silent ? 'muted' : 'sound', silent ? 'Unmute' : 'Mute');
    volume.value = String(video.muted ? 0 : video.volume);
    volume.setAttribute('aria-valuetext', video.muted ? 'muted' : `${Math.round(video.volume * 100)} %`);
    view.unmute.hidden = !video.muted;
  };
  const fullscreenElement = () => doc.fullscreenElement ?? doc.webkitFullscreenElement ?? null;
  const syncFullscreen = () => {
    const on = fullscreenElement() === host;
    setIcon(fullscreen, on ? 'exitFullscreen' : 'enterFullscreen', on ? 'Exit full screen' : 'Full screen');
    host.toggleAttribute('data-fullscreen', on);
  };

  listen(playPause, 'click', () => {
    if (video.paused) video.play().catch(() => undefined);
    else video.pause();
  });
  listen(mute, 'click', () => {
    if (video.muted || video.volume === 0) {
      video.muted = false;
      if (video.volume === 0) video.volume = 1;
      video.play().catch(() => undefined);
    } else {
      video.muted = true;
    }
  });
  listen(volume, 'input', () => {
    const level = Math.min(1, Math.max(0, Number(volume.value)));
    video.volume = level;
    video.muted = level === 0;
  });
  listen(fullscreen, 'click', () => {
    if (fullscreenElement() === host) {
      void (doc.exitFullscreen?.() ?? doc.webkitExitFullscreen?.())?.catch(() => undefined);
      return;
    }
    const el = host as FullscreenElement;
    const request = el.requestFullscreen?.bind(el) ?? el.webkitRequestFullscreen?.bind(el);
    // iPhone Safari has no element full screen: the video's own is better than none.
    if (request) void request().catch(() => undefined);
    else (video as IosVideo).webkitEnterFullscreen?.();
  });
  listen(video, 'play', syncPlay);
  listen(video, 'pause', syncPlay);
  listen(video, 'volumechange', syncSound);
  listen(document, 'fullscreenchange' as keyof HTMLElementEventMap, syncFullscreen);
  listen(document, 'webkitfullscreenchange' as keyof HTMLElementEventMap, syncFullscreen);
  syncPlay();
  syncSound();
  syncFullscreen();
}
