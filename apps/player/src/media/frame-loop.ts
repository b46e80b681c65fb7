// Calls back once per presented video frame with its media time: requestVideoFrameCallback where the
// browser has it (frame-exact), else animation frames reading currentTime while the video plays.

type FrameCallback = (mediaTime: number) => void;

export function startFrameLoop(video: HTMLVideoElement, onFrame: FrameCallback): () => void {
  let stopped = false;
  if (typeof video.requestVideoFrameCallback === 'function') {
    let handle = 0;
    const step: VideoFrameRequestCallback = (_now, meta) => {
      if (stopped) return;
      onFrame(meta.mediaTime);
      handle = video.requestVideoFrameCallback(step);
    };
    handle = video.requestVideoFrameCallback(step);
    return () => {
      stopped = true;
      video.cancelVideoFrameCallback(handle);
    };
  }

  let raf = 0;
  const tick = () => {
    raf = 0;
    if (stopped) return;
    onFrame(video.currentTime);
    if (!video.paused && !video.ended) raf = requestAnimationFrame(tick);
  };
  const kick = () => {
    if (!raf && !stopped) raf = requestAnimationFrame(tick);
  };
  const events = ['playing', 'timeupdate', 'seeked'] as const;
  for (const e of events) video.addEventListener(e, kick);
  kick();
  return () => {
    stopped = true;
    if (raf) cancelAnimationFrame(raf);
    for (const e of events) video.removeEventListener(e, kick);
  };
}
