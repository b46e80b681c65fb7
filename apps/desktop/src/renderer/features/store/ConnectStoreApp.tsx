// /console/store: connect a Shopify store (admin token), test it (the shop's name and product count, or exactly
// what is wrong), pick products with their images, prices and stock into a rundown, and create the show.
import { useMemo, useState } from 'react';
import type { Product, Show, ShopifyConnectionReport as Report, TokenResponse } from '@cuecart/shared';
import type { Session } from '../../lib/session.js';
import { api } from '../../lib/relay.js';
import { formatMoney, stockOf } from '../../lib/format.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { EMPTY_FORM, filterProducts, formProblem, specFrom, type StoreForm } from './connect-model.js';
import '../console/console.css';
import './connect-store.css';

type Step = { kind: 'idle' } | { kind: 'testing' } | { kind: 'failed'; message: string } | { kind: 'connected'; report: Report };
type Load = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; products: Product[] };

const FIELDS: { key: keyof StoreForm; label: string; hint: string; secret?: boolean; advanced?: boolean }[] = [
  { key: 'shopDomain', label: 'Shop domain', hint: 'brand.myshopify.com' },
  { key: 'storefrontToken', label: 'Storefront access token', hint: 'public token, Headless channel', secret: true },
  { key: 'privateToken', label: 'Private Storefront token', hint: 'optional, kept on the relay', secret: true },
  { key: 'webhookSecret', label: 'Webhook signing secret', hint: 'optional: orders and instant stock', secret: true },
  { key: 'collection', label: 'Collection handle', hint: 'optional, e.g. summer-live' },
  { key: 'endpoint', label: 'Endpoint', hint: 'optional: a proxy in front of Shopify', advanced: true },
];

export function ConnectStoreApp({ session }: { session: Extract<Session, { ok: true }> }) {
  const [form, setForm] = useState<StoreForm>(EMPTY_FORM);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [query, setQuery] = useState('');
  const [rundown, setRundown] = useState<Product[]>([]);
  const [title, setTitle] = useState('');
  const [created, setCreated] = useState<{ show: Show; link: string } | { error: string } | null>(null);
  const call = <T,>(path: string, body?: unknown) => api<T>(session.relay, session.token, path, body === undefined ? {} : { method: 'POST', body });

  async function test() {
    const problem = formProblem(form);
    if (problem) return setStep({ kind: 'failed', message: problem });
    setStep({ kind: 'testing' });
    setLoad({ kind: 'idle' });
    const tested = await call<Report>('/api/commerce/shopify/test', specFrom(form));
    if (!tested.ok) return setStep({ kind: 'failed', message: tested.error.message });
    setStep({ kind: 'connected', report: tested.value });
    setLoad({ kind: 'loading' });
    const loaded = await call<{ products: Product[] }>('/api/commerce/shopify/products', specFrom(form));
    setLoad(loaded.ok ? { kind: 'loaded', products: loaded.value.products } : { kind: 'failed', message: loaded.error.message });
  }

  async function create() {
    setCreated(null);
    const show = await call<Show>('/api/shows', { title: title.trim() || 'Live show', catalog: specFrom(form), rundown: rundown.map((p) => p.id) });
    if (!show.ok) return setCreated({ error: show.error.message });
    const token = await call<TokenResponse>(`/api/shows/${encodeURIComponent(show.value.id)}/tokens`, { role: 'producer', name: 'producer' });
    if (!token.ok) return setCreated({ error: `The show was created, but no producer link: ${token.error.message}` });
    setCreated({ show: show.value, link: `${session.relay}/console#token=${encodeURIComponent(token.value.token)}` });
  }

  const products = load.kind === 'loaded' ? load.products : [];
  const shown = useMemo(() => filterProducts(products, query).slice(0, 200), [products, query]);
  const inRundown = new Set(rundown.map((p) => p.id));
  const toggle = (p: Product) => setRundown((r) => (inRundown.has(p.id) ? r.filter((x) => x.id !== p.id) : [...r, p]));
  const move = (index: number, by: number) =>
    setRundown((r) => {
      const next = [...r];
      const [item] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item!);
      return next;
    });

  return (
    <div className="cc-console cc-store" data-testid="connect-store">
      <header className="topbar">
        <span className="brand">CUECART</span>
        <span className="show-title">Connect a store</span>
      </header>
      <main className="store-grid">
        <section className="panel store-form" aria-labelledby="store-form-title">
          <div className="panel-head">
            <h2 id="store-form-title">Shopify store</h2>
          </div>
          <form
            className="store-fields"
            onSubmit={(e) => {
              e.preventDefault();
              void test();
            }}
          >
            {FIELDS.map((f) => (
              <label key={f.key} className={f.advanced ? 'field advanced' : 'field'}>
                <span>{f.label}</span>
                <input
                  name={f.key}
                  data-testid={`store-${f.key}`}
                  type={f.secret ? 'password' : 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={f.hint}
                  value={form[f.key]}
                  onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                />
              </label>
            ))}
            <button type="submit" className="btn btn-primary" data-testid="store-test" disabled={step.kind === 'testing'}>
              {step.kind === 'testing' ? 'Testing…' : 'Test connection'}
            </button>
          </form>
          {step.kind === 'failed' && (
            <p className="store-result error-text" role="alert" data-testid="store-error">
              {step.message}
            </p>
          )}
          {step.kind === 'connected' && (
            <div className="store-result" role="status" data-testid="store-connected">
              <strong>✓ {step.report.shopName}</strong>
              <span>
                {step.report.productCount} product{step.report.productCount === 1 ? '' : 's'}
                {step.report.collection ? ` in “${step.report.collection}”` : ' on the Storefront'} · {step.report.currencyCode} · inventory {step.report.inventory ? 'readable' : 'not readable'}
              </span>
              {step.report.notes.map((note) => (
                <span key={note} className="muted">
                  {note}
                </span>
              ))}
            </div>
          )}
        </section>

        <section className="panel store-picker" aria-labelledby="store-picker-title">
          <div className="panel-head">
            <h2 id="store-picker-title">Products</h2>
            <input className="search" type="search" placeholder="Search title, SKU, vendor, tag" data-testid="store-search" value={query} onChange={(e) => setQuery(e.target.value)} disabled={load.kind !== 'loaded'} />
            {load.kind === 'loaded' && <span className="muted">{shown.length === products.length ? `${products.length} products` : `${shown.length} of ${products.length}`}</span>}
          </div>
          {load.kind === 'idle' && <p className="empty">Test the connection to see the store's products.</p>}
          {load.kind === 'loading' && (
            <p className="empty" role="status" data-testid="store-loading">
              <progress aria-label="Loading products" /> Loading products from the store…
            </p>
          )}
          {load.kind === 'failed' && (
            <p className="empty error-text" role="alert">
              {load.message}
            </p>
          )}
          <ul className="store-products" data-testid="store-products">
            {shown.map((p) => {
              const stock = stockOf(p);
              const picked = inRundown.has(p.id);
              return (
                <li key={p.id} className={picked ? 'picked' : undefined} data-product-id={p.id}>
                  <ProductThumb url={p.imageUrl} title={p.title} size={56} />
                  <div className="info">
                    <span className="title">{p.title}</span>
                    <span className="muted">
                      {formatMoney(p.price)} · <span className={`stock stock-${stock.level}`}>{stock.text}</span>
                      {p.variants && p.variants.length > 1 ? ` · ${p.variants.length} variants` : ''}
                    </span>
                  </div>
                  <button type="button" className="btn" data-testid="store-pick" aria-pressed={picked} onClick={() => toggle(p)}>
                    {picked ? 'Remove' : 'Add to rundown'}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>

        <section className="panel store-rundown" aria-labelledby="store-rundown-title">
          <div className="panel-head">
            <h2 id="store-rundown-title">Rundown</h2>
            <span className="muted">{rundown.length} products</span>
          </div>
          <ol className="store-rundown-list" data-testid="store-rundown">
            {rundown.map((p, i) => (
              <li key={p.id} data-product-id={p.id}>
                <span className="slot">{i + 1}</span>
                <span className="title">{p.title}</span>
                <button type="button" className="btn" aria-label={`Move ${p.title} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="btn" aria-label={`Move ${p.title} down`} disabled={i === rundown.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
              </li>
            ))}
            {rundown.length === 0 && <li className="empty">Add products from the store.</li>}
          </ol>
          <label className="field">
            <span>Show title</span>
            <input data-testid="store-title" value={title} placeholder="Autumn drop, live" onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="button" className="btn btn-primary" data-testid="store-create" disabled={step.kind !== 'connected'} onClick={() => void create()}>
            Create show
          </button>
          {created && 'error' in created && (
            <p className="error-text" role="alert" data-testid="store-create-error">
              {created.error}
            </p>
          )}
          {created && 'show' in created && (
            <p role="status" data-testid="store-created">
              Created “{created.show.title}” ({created.show.id}).{' '}
              <a href={created.link} data-testid="store-console-link">
                Open its console
              </a>
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
