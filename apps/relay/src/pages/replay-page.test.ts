import { describe, expect, it } from 'vitest';
import type { Product, Show } from '@cuecart/shared';
import type { Replay } from '../replay/replay-service.js';
import { clock, isoDuration, replayPage, structuredData } from './replay-page.js';

const evil = '</script><script>alert(1)</script>';
const product: Product = { id: 'p1', title: `Mug ${evil}`, price: { amount: '22.00', currencyCode: 'USD' }, available: true, imageUrl: '/demo/images/mug.png', description: `Glazed <b>by hand</b> ${evil}` };
const show: Show = { id: 'ep', title: `Autumn ${evil}`, status: 'ended', rundown: ['p1'], catalog: { provider: 'inline', productCount: 1 }, createdAt: 0, streamEpochMs: Date.UTC(2026, 11, 1) };
const replay: Replay = {
  showId: 'ep',
  recordingUrl: '/media/demo/recording/ep.m3u8',
  durationMs: 192_000,
  startMs: 4_000,
  ended: true,
  chapters: [{ productId: 'p1', title: product.title, startMs: 14_000, endMs: 40_000, kind: 'card' }],
  cards: [],
  transcript: [{ id: 's1', startMs: 15_000, endMs: 18_000, text: `this mug ${evil}` }],
  products: [product],
};

describe('the replay page', () => {
  it('formats times for people and for schema.org', () => {
    expect([clock(0), clock(83_000), clock(3_723_000)]).toEqual(['0:00', '1:23', '1:02:03']);
    expect([isoDuration(192_000), isoDuration(3_600_000), isoDuration(0), isoDuration(3_605_000)]).toEqual(['PT3M12S', 'PT1H', 'PT0S', 'PT1H5S']);
  });

  it('describes the video with its chapters as clips, offsets in the recording', () => {
    const [video, list] = structuredData(show, replay, 'https://shop.example') as [Record<string, any>, Record<string, any>];
    expect(video).toMatchObject({ '@type': 'VideoObject', duration: 'PT3M12S', contentUrl: 'https://shop.example/media/demo/recording/ep.m3u8', thumbnailUrl: ['https://shop.example/demo/images/mug.png'], uploadDate: '2026-12-01T00:00:04.000Z' });
    expect(video.hasPart).toEqual([{ '@type': 'Clip', name: product.title, startOffset: 10, endOffset: 36, url: 'https://shop.example/replay/ep?t=14000' }]);
    expect(list.itemListElement[0].item.offers).toEqual({ '@type': 'Offer', price: '22.00', priceCurrency: 'USD', availability: 'https://schema.org/InStock' });
  });

  it('escapes every catalog and transcript string, in the markup and in the JSON-LD', () => {
    const page = replayPage(show, replay, 'https://shop.example', 20_000);
    // The only script elements are the page's own: two JSON-LD blocks, the embed and the page script.
    expect(page.match(/<script/g)).toHaveLength(4);
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const m of page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) expect(JSON.parse(m[1]!)).toBeTruthy();
    expect(page).toContain('data-t="20000"');
    expect(page).toContain('data-ms="14000"');
    expect(page).toContain('0:10');
  });
});
