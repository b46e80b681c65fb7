// Program monitor: a muted hls.js preview of the show, its latency behind live and the show clock of the frame on screen.
import { useEffect, useRef } from 'react';
import Hls from 'hls.js/light';
import { useSession } from '../console/session-store.js';
import { setPreviewReader, useProgram } from './program-store.js';
import { formatHms, formatLatency, latencyOf, showMsOf } from './show-clock.js';

export function ProgramMonitor() {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamUrl = useSession((s) => s.show?.streamUrl);
  const epoch = useSession((s) => s.show?.streamEpochMs);
  const status = useProgram((s) => s.status);
  const message = useProgram((s) => s.message);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !streamUrl) return;
    const program = useProgram.getState();
    program.setStatus('loading');
    let hls: Hls | null = null;
    let playingDate = (): number | null => null;
    if (Hls.isSupported()) {
      hls = new Hls({ lowLatencyMode: true, backBufferLength: 30 });
      hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
      hls.on(Hls.Events.ERROR, (_e, data) => {
        if (!data.fatal || !hls) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
        else {
          useProgram.getState().setStatus('error', 'Preview lost: retrying…');
          hls.startLoad();
        }
      });
      hls.loadSource(streamUrl);
      hls.attachMedia(video);
      playingDate = () => hls?.playingDate?.getTime() ?? null;
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = streamUrl;
      void video.play().catch(() => undefined);
      const startDate = (video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate;
      playingDate = () => {
        const start = startDate?.call(video).getTime();
        return start !== undefined && Number.isFinite(start) ? start + video.currentTime * 1000 : null;
      };
    } else {
      program.setStatus('error', 'This browser cannot play the preview.');
    }
    const onPlaying = () => useProgram.getState().setStatus('playing');
    video.addEventListener('playing', onPlaying);
    setPreviewReader(() => showMsOf(playingDate(), epoch));
    const tick = setInterval(() => {
      const date = playingDate();
      useProgram.getState().setClock(showMsOf(date, epoch), latencyOf(date, Date.now()));
    }, 250);
    return () => {
      clearInterval(tick);
      setPreviewReader(null);
      video.removeEventListener('playing', onPlaying);
      hls?.destroy();
      video.removeAttribute('src');
    };
  }, [streamUrl, epoch]);

  return (
    <section className="panel program" aria-label="Program monitor">
      <header className="panel-head">
        <h2>Program</h2>
        <ProgramClocks />
      </header>
      <div className="program-frame">
        <video ref={videoRef} data-testid="program-video" muted autoPlay playsInline />
        {!streamUrl && <p className="program-note">No stream for this show yet</p>}
        {streamUrl && status !== 'playing' && <p className="program-note">{message ?? 'Connecting to the preview…'}</p>}
      </div>
    </section>
  );
}

function ProgramClocks() {
  const showMs = useProgram((s) => s.showMs);
  const latency = useProgram((s) => s.latencyMs);
  return (
    <div className="program-clocks">
      <span className="clock-label">SHOW</span>
      <span className="clock" data-testid="show-clock">{formatHms(showMs)}</span>
      <span className="clock-label">LATENCY</span>
      <span className={`latency${latency !== null && latency > 6000 ? ' warn' : ''}`}>{formatLatency(latency)}</span>
    </div>
  );
}
