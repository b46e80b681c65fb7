// Banner, the offer for the next take, and host cues.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clearBanner, sendBanner, sendCue } from '../console/console-actions.js';
import { useOverlay } from '../on-air/overlay-store.js';
import { useComposer } from './composer-store.js';
import { isArmed } from './offer-model.js';

const COUNTDOWNS = [0, 1, 2, 5, 10, 15, 30];

function CountdownSelect({ value, onChange, label }: { value: number; onChange(v: number): void; label: string }) {
  return (
    <select value={value} onChange={(e) => onChange(Number(e.target.value))} aria-label={label}>
      {COUNTDOWNS.map((m) => (
        <option key={m} value={m}>
          {m === 0 ? 'no timer' : `${m} min timer`}
        </option>
      ))}
    </select>
  );
}

export function ComposerPanel() {
  return (
    <section className="panel composer" aria-label="Composer">
      <header className="panel-head">
        <h2>Composer</h2>
      </header>
      <BannerComposer />
      <OfferComposer />
      <CueComposer />
    </section>
  );
}

function BannerComposer() {
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState(0);
  const hasBanner = useOverlay((s) => s.overlay?.banner != null);
  const send = () => {
    if (sendBanner(text, minutes)) setText('');
  };
  return (
    <form className="composer-block" onSubmit={(e) => (e.preventDefault(), send())}>
      <label className="block-label">Banner</label>
      <input data-testid="banner-text" value={text} maxLength={140} placeholder="Free shipping tonight only" onChange={(e) => setText(e.target.value)} aria-label="Banner text" />
      <div className="composer-row">
        <CountdownSelect value={minutes} onChange={setMinutes} label="Banner countdown" />
        <button type="submit" className="btn" data-testid="banner-send" disabled={!text.trim()}>
          Show banner
        </button>
        <button type="button" className="btn btn-ghost" disabled={!hasBanner} onClick={clearBanner}>
          Clear
        </button>
      </div>
    </form>
  );
}

function OfferComposer() {
  const { offer, setOffer, resetOffer } = useComposer(useShallow((s) => ({ offer: s.offer, setOffer: s.setOffer, resetOffer: s.resetOffer })));
  const armed = isArmed(offer);
  return (
    <div className={`composer-block${armed ? ' armed' : ''}`}>
      <label className="block-label">
        Offer for the next take {armed && <span className="pill pill-warn">ARMED</span>}
      </label>
      <div className="composer-row">
        <input className="badge-input" value={offer.badge} maxLength={24} placeholder="-20%" onChange={(e) => setOffer({ badge: e.target.value })} aria-label="Price-drop badge" data-testid="offer-badge" />
        <input value={offer.text} maxLength={80} placeholder="Offer text, e.g. Today only" onChange={(e) => setOffer({ text: e.target.value })} aria-label="Offer text" data-testid="offer-text" />
      </div>
      <div className="composer-row">
        <CountdownSelect value={offer.minutes} onChange={(minutes) => setOffer({ minutes })} label="Offer countdown" />
        <button type="button" className="btn btn-ghost" disabled={!armed} onClick={resetOffer}>
          Disarm
        </button>
      </div>
    </div>
  );
}

const PRESETS = ['Wrap up', 'Next product', 'Show it close', 'Mention the offer'];

function CueComposer() {
  const [text, setText] = useState('');
  const cues = useComposer((s) => s.cues);
  return (
    <form className="composer-block" onSubmit={(e) => (e.preventDefault(), sendCue(text) && setText(''))}>
      <label className="block-label">Cue the host</label>
      <div className="composer-row wrap">
        {PRESETS.map((p) => (
          <button key={p} type="button" className="btn btn-sm" onClick={() => sendCue(p)}>
            {p}
          </button>
        ))}
      </div>
      <div className="composer-row">
        <input data-testid="cue-text" value={text} maxLength={200} placeholder="Free text for the prompter" onChange={(e) => setText(e.target.value)} aria-label="Cue text" />
        <button type="submit" className="btn" data-testid="cue-send" disabled={!text.trim()}>
          Cue
        </button>
      </div>
      {cues.length > 0 && (
        <ul className="cue-log">
          {cues.slice(0, 3).map((c) => (
            <li key={c.id} className={`cue-${c.state}`}>
              <span className="cue-state">{c.state === 'sent' ? '✓' : c.state === 'failed' ? '!' : '…'}</span> {c.text}
              {c.error && <span className="error-text"> — {c.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
