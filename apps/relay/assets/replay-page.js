// /replay/:show in the browser: chapters and transcript lines seek the player, the search filters the
// transcript, the share button copies a link to the moment on screen, and ?t=SHOWMS starts there.
const main = document.querySelector('main.replay');
const player = document.querySelector('cuecart-player');
const chapters = [...document.querySelectorAll('button.chapter')];
const lines = [...document.querySelectorAll('button.line')];
const search = document.querySelector('input.search');
const searchNote = document.querySelector('.search-note');
const share = document.querySelector('button.share');
const shareNote = document.querySelector('.share-note');
const showId = main.dataset.show;

function seek(ms) {
  customElements.whenDefined('cuecart-player').then(() => player.seekTo(ms));
}

for (const button of [...chapters, ...lines]) button.addEventListener('click', () => seek(Number(button.dataset.ms)));

if (main.dataset.t !== undefined) seek(Number(main.dataset.t));

search?.addEventListener('input', () => {
  const query = search.value.trim().toLowerCase();
  let shown = 0;
  for (const line of lines) {
    const match = !query || line.textContent.toLowerCase().includes(query);
    line.parentElement.hidden = !match;
    if (match) shown += 1;
  }
  searchNote.textContent = query ? (shown ? `${shown} line${shown === 1 ? '' : 's'} match “${search.value.trim()}”` : `Nothing matches “${search.value.trim()}”`) : '';
});

share?.addEventListener('click', async () => {
  const at = Math.max(0, Math.round(player.playheadMs ?? Number(main.dataset.startMs)));
  const link = `${location.origin}/replay/${encodeURIComponent(showId)}?t=${at}`;
  try {
    await navigator.clipboard.writeText(link);
    shareNote.textContent = `Link copied: ${link}`;
  } catch {
    shareNote.textContent = `Copy this link: ${link}`;
  }
  shareNote.dataset.link = link;
});

// The chapter and the line of the moment on screen.
let current = { chapter: null, line: null };
setInterval(() => {
  const ms = player.playheadMs;
  if (ms === null || ms === undefined) return;
  const chapter = chapters.find((c) => ms >= Number(c.dataset.ms) && ms < Number(c.dataset.endMs)) ?? null;
  let line = null;
  for (const l of lines) if (Number(l.dataset.ms) <= ms) line = l;
  if (chapter !== current.chapter) {
    current.chapter?.removeAttribute('aria-current');
    chapter?.setAttribute('aria-current', 'true');
  }
  if (line !== current.line) {
    current.line?.removeAttribute('aria-current');
    line?.setAttribute('aria-current', 'true');
    // Keep the line in view inside the transcript's own scroll box (never scrolling the page).
    const box = document.querySelector('.transcript .lines');
    const item = line?.parentElement;
    if (box && item && !item.hidden && (item.offsetTop < box.scrollTop || item.offsetTop > box.scrollTop + box.clientHeight - item.offsetHeight)) {
      box.scrollTop = item.offsetTop - box.clientHeight / 3;
    }
  }
  current = { chapter, line };
}, 250);
