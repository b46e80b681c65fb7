// The producer console: program, transcript and suggestions, rundown, on air, composer, queue and activity.
import { setShowStatus } from './console-actions.js';
import { useEffect, useRef } from 'react';
import type { Session } from '../../lib/session.js';
import { ActivityLog } from '../activity/ActivityLog.js';
import { CommandQueue } from '../commands/CommandQueue.js';
import { ComposerPanel } from '../composer/ComposerPanel.js';
import { ConnectionStatus, PresenceList } from '../connection/ConnectionStatus.js';
import { OfflineBanner, useOffline } from '../connection/OfflineBanner.js';
import { SessionEnded } from '../connection/SessionEnded.js';
import { HotkeyLegend } from '../hotkeys/HotkeyLegend.js';
import { useGlobalShortcuts } from '../hotkeys/useGlobalShortcuts.js';
import { useHotkeys } from '../hotkeys/useHotkeys.js';
import { OnAirPanel } from '../on-air/OnAirPanel.js';
import { ProgramMonitor } from '../program/ProgramMonitor.js';
import { RundownPanel } from '../rundown/RundownPanel.js';
import { SettingsButton, SettingsPanel } from '../settings/SettingsPanel.js';
import { StoreAlert, StoreStatusPill } from '../store/StoreStatusPill.js';
import { SuggestionsTray } from '../suggestions/SuggestionsTray.js';
import { TranscriptPanel } from '../transcript/TranscriptPanel.js';
import { useOverlay } from '../on-air/overlay-store.js';
import { OpenPrompterButton } from './OpenPrompterButton.js';
import { SoldOutConfirm } from './SoldOutConfirm.js';
import { useSession } from './session-store.js';
import { startConsole } from './start-console.js';
import './console.css';

export function ConsoleApp({ session }: { session: Extract<Session, { ok: true }> }) {
  useEffect(() => startConsole(session.relay, session.token), [session.relay, session.token]);
  useHotkeys();
  const { failed } = useGlobalShortcuts();
  const offline = useOffline();

  return (
    <div className={`cc-console${offline ? ' is-offline' : ''}`} data-testid="console" data-link={offline ? 'offline' : 'online'}>
      <TopBar />
      <OfflineBanner />
      <StoreAlert />
      <SessionEnded />
      <main className="console-grid">
        <div className="col col-program">
          <ProgramMonitor />
          <OnAirPanel />
          <CommandQueue />
        </div>
        <div className="col col-live">
          <SuggestionsTray />
          <TranscriptPanel />
        </div>
        <div className="col col-rundown">
          <RundownPanel />
        </div>
        <div className="col col-side">
          <ComposerPanel />
          <ActivityLog />
        </div>
      </main>
      <HotkeyLegend globalFailed={failed} />
      <SettingsPanel />
      <SoldOutConfirm />
    </div>
  );
}

function TopBar() {
  const title = useSession((s) => s.show?.title);
  const showId = useSession((s) => s.showId);
  const status = useOverlay((s) => s.overlay?.status);
  const offline = useOffline();
  return (
    <header className="topbar">
      <span className="brand">CUECART</span>
      <span className="show-title">{title ?? showId ?? '…'}</span>
      {status && (
        <span className={`pill status-${status}${offline ? ' status-unknown' : ''}`} data-testid="show-status" title={offline ? 'What the relay last said; it is not answering now' : undefined}>
          {status === 'live' ? '● LIVE' : status.toUpperCase()}
          {offline && ' · last known'}
        </span>
      )}
      <ShowStatusButton status={status} />
      <span className="legend-spacer" />
      <StoreStatusPill />
      <PresenceList />
      <ConnectionStatus />
      <OpenPrompterButton />
      <ReportLink />
      <SettingsButton />
    </header>
  );
}

/** The show's report (funnel, concurrency, products), in a tab of its own with this producer's token. */
function ReportLink() {
  const showId = useSession((s) => s.showId);
  const relay = useSession((s) => s.relay);
  const token = useSession((s) => s.token);
  if (!showId) return null;
  return (
    <a className="btn" data-testid="open-report" href={reportUrl(relay, showId, token)} target="_blank" rel="noopener noreferrer">
      Report ↗
    </a>
  );
}

export function reportUrl(relay: string, showId: string, token: string): string {
  return `${relay}/console/report/${encodeURIComponent(showId)}#token=${encodeURIComponent(token)}`;
}

/**
 * Go live from scheduled or ended; ending a live show asks first, since it clears the air. The question opens
 * with "Keep the show live" focused, so Enter (the take key) can never end a show, whatever was focused before.
 */
function ShowStatusButton({ status }: { status: 'scheduled' | 'live' | 'ended' | undefined }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  if (!status) return null;
  const ask = () => {
    dialog.current?.showModal();
    keep.current?.focus();
  };
  const close = () => dialog.current?.close();
  return (
    <>
      {status !== 'live' ? (
        <button type="button" className="btn btn-go-live" data-testid="go-live" onClick={() => setShowStatus('live')}>
          Go live
        </button>
      ) : (
        <button type="button" className="btn" data-testid="end-show" onClick={ask}>
          End show
        </button>
      )}
      <dialog ref={dialog} className="confirm-end" aria-labelledby="confirm-end-title" data-testid="confirm-end">
        <h2 id="confirm-end-title">End the show?</h2>
        <p>Every card and the banner go off air, and viewers see that the show has ended.</p>
        <div className="confirm-actions">
          <button type="button" className="btn" ref={keep} data-testid="keep-live" onClick={close}>
            Keep the show live
          </button>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="confirm-end-show"
            onClick={() => {
              close();
              setShowStatus('ended');
            }}
          >
            End the show
          </button>
        </div>
      </dialog>
    </>
  );
}
