#!/usr/bin/env bash
# Generates the demo show's media from apps/relay/demo/catalog.json:
#   apps/relay/demo/images/<productId>.png   480x480 product images (one per catalog product)
#   apps/relay/demo/media/seg-NNN.ts         2.000 s MPEG-TS segments (H.264 640x360 25 fps + AAC mono)
#   apps/relay/demo/media/media.json         segment list and total duration (the relay builds the live playlist)
#   apps/relay/demo/transcript.json          the host's lines with their exact show-ms times in the loop
# Needs: bash, node, ffmpeg/ffprobe (with libx264, drawtext), espeak-ng, fonts-dejavu-core.
# Rerunnable: every output is deleted and rebuilt. Deterministic for a given ffmpeg/espeak-ng version.
# See scripts/media/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEMO="$ROOT/apps/relay/demo"
CATALOG="$DEMO/catalog.json"
IMAGES="$DEMO/images"
MEDIA="$DEMO/media"
TRANSCRIPT="$DEMO/transcript.json"

FONT_DIR="${FONT_DIR:-/usr/share/fonts/truetype/dejavu}"
FONT="$FONT_DIR/DejaVuSans.ttf"
FONT_BOLD="$FONT_DIR/DejaVuSans-Bold.ttf"
FONT_MONO="$FONT_DIR/DejaVuSansMono-Bold.ttf"

VOICE="${VOICE:-en-us}"   # espeak-ng voice
WPM="${WPM:-160}"         # espeak-ng speed, words per minute
RUNDOWN_SIZE=9            # the rundown is the first 9 catalog products

for tool in node ffmpeg ffprobe espeak-ng; do
  command -v "$tool" >/dev/null || { echo "make-demo-media: missing '$tool' (apt-get install -y ffmpeg espeak-ng fonts-dejavu-core)" >&2; exit 1; }
done
for f in "$FONT" "$FONT_BOLD" "$FONT_MONO"; do
  [[ -f "$f" ]] || { echo "make-demo-media: missing font $f (apt-get install -y fonts-dejavu-core)" >&2; exit 1; }
done
[[ -f "$CATALOG" ]] || { echo "make-demo-media: missing $CATALOG" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cuecart-media.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/lines" "$WORK/text" "$WORK/slides" "$WORK/frames"

FF=(ffmpeg -hide_banner -loglevel error -nostdin -y)

# ---------------------------------------------------------------------------------------------
# 1. Plan: host script lines, product image specs, slide texts (node, no dependencies).
#    Writes $WORK/plan.json, $WORK/lines/NNN.txt (what espeak says), $WORK/text/*.txt (slide text).
# ---------------------------------------------------------------------------------------------
node - "$CATALOG" "$WORK" "$RUNDOWN_SIZE" <<'NODE'
const fs = require('fs');
const path = require('path');
const [catalogPath, work, rundownSizeArg] = process.argv.slice(2);
const products = JSON.parse(fs.readFileSync(catalogPath, 'utf8')).products;
const rundownSize = Number(rundownSizeArg);
const rundown = products.slice(0, rundownSize);
const offRundown = products.slice(rundownSize);

// ---- numbers as a speech-to-text engine writes them ("eighty nine dollars")
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function words(n) {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? ' ' + ONES[n % 10] : '');
  if (n < 1000) return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? ' ' + words(n % 100) : '');
  if (n < 1e6) return words(Math.floor(n / 1000)) + ' thousand' + (n % 1000 ? ' ' + words(n % 1000) : '');
  throw new Error('number too large: ' + n);
}
function cents(money) { return Math.round(Number(money.amount) * 100); }
function say(money) {
  const c = cents(money), d = Math.floor(c / 100), r = c % 100;
  return words(d) + (d === 1 ? ' dollar' : ' dollars') + (r ? ' and ' + words(r) + ' cents' : '');
}
function show(money) { // on-screen price
  const c = cents(money);
  return (money.currencyCode === 'USD' ? '$' : money.currencyCode + ' ') + Math.floor(c / 100) + '.' + String(c % 100).padStart(2, '0');
}

// ---- how the host names each product after the first full mention, and what it looks like
const SHORT = {
  'demo-kettle': 'kettle pro', 'demo-grinder': 'hand grinder', 'demo-dripper': 'cone dripper',
  'demo-mug': 'stoneware mug', 'demo-scarf': 'silk scarf', 'demo-tote': 'canvas tote',
  'demo-serum': 'glow drops', 'demo-candle': 'fig candle', 'demo-blanket': 'wool throw',
  'demo-speaker': 'mini speaker', 'demo-lamp': 'desk lamp', 'demo-bottle': 'steel bottle',
};
const shortName = (p) => SHORT[p.id] || p.title.split(/\s+/).slice(-2).join(' ').toLowerCase();
const spokenTitle = (p) => p.title.replace(/&/g, 'and');

// palette per product type: [gradient from, gradient to, accent]; glyph from DejaVu Sans
const STYLE = {
  Kettles:   { c: ['0x1f4e5f', '0x6fb3b8', '0xf6c453'], glyph: '\u2668' },
  Grinders:  { c: ['0x3b2a20', '0x9c6b45', '0xf1d9b5'], glyph: '\u2699' },
  Brewers:   { c: ['0x5a3d2b', '0xd9a066', '0xfff1dc'], glyph: '\u2615' },
  Drinkware: { c: ['0x4a4e69', '0xc9ada7', '0xf2e9e4'], glyph: '\u25cd' },
  Scarves:   { c: ['0x5f0f40', '0xe36397', '0xffd6e8'], glyph: '\u2766' },
  Bags:      { c: ['0x283618', '0x8a9a5b', '0xfefae0'], glyph: '\u25a3' },
  Skincare:  { c: ['0xf77f00', '0xfcbf49', '0xfffbe6'], glyph: '\u273f' },
  Candles:   { c: ['0x3d1f2b', '0xb5654a', '0xffd8a8'], glyph: '\u2739' },
  Blankets:  { c: ['0x22333b', '0x7d8f69', '0xeae0d5'], glyph: '\u25a6' },
  Audio:     { c: ['0x14213d', '0x5e60ce', '0xfca311'], glyph: '\u266b' },
  Lighting:  { c: ['0x1b1b1e', '0xe9c46a', '0xfff8e1'], glyph: '\u2600' },
};
function styleFor(p) {
  if (STYLE[p.productType]) return STYLE[p.productType];
  let h = 0; for (const ch of p.id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hex = (x) => '0x' + x.toString(16).padStart(6, '0');
  return { c: [hex(h & 0x3f3f3f), hex((h & 0x7f7f7f) | 0x404040), '0xffffff'], glyph: '\u25c6' };
}

// ---- the host script. Hand-written per product so it sounds like a host, not a template;
//      names, prices and availability come from the catalog. Unknown products get a plain fallback.
const other = offRundown[offRundown.length - 1] || null; // mentioned once, not in the rundown
const HOST = {
  'demo-kettle': (p, s) => [
    `First up, this is the ${spokenTitle(p)}, and honestly, it's the one I use every single morning.`,
    `Look at that gooseneck. The ${s} has a thermometer built right in, so you always know when you're at the right temperature, and the steel body holds point nine liters.`,
    p.compareAtPrice
      ? `It's usually ${say(p.compareAtPrice)}, but today it's just ${say(p.price)}.`
      : `And it's ${say(p.price)}.`,
  ],
  'demo-grinder': (p, s) => [
    `Now, a kettle is only half the story. Let me show you the ${spokenTitle(p)}.`,
    `These are conical steel burrs with forty click settings, so you can go from super fine all the way to french press coarse.`,
    `The ${s} is ${say(p.price)}, and it's small enough to throw in a travel bag.`,
  ],
  'demo-dripper': (p, s) => [
    `Okay, pair those two with this, the ${spokenTitle(p)}.`,
    `Every single one is glazed by hand, and it brews one to two cups at a time. ${cap(say(p.price))} for the ${s}, which is kind of a steal.`,
  ],
  'demo-mug': (p, s) => [
    `And you need something to drink out of, right? This is the ${spokenTitle(p)}.`,
    `It's twelve ounces, thrown by hand, and every speckle is its own, so no two are exactly the same.`,
    p.compareAtPrice
      ? `The ${s} was ${say(p.compareAtPrice)}, and it's ${say(p.price)} today.`
      : `The ${s} is ${say(p.price)}.`,
    ...(other ? [`A few of you are asking in the chat about the ${spokenTitle(other)}. That one isn't in today's show, but we'll bring it back soon.`] : []),
  ],
  'demo-scarf': (p, s) => [
    `Let's switch gears completely, because I am in love with this one, the ${spokenTitle(p)}.`,
    `It's mulberry silk twill with hand rolled edges, ninety by ninety centimeters, so you can wear it a dozen different ways.`,
    `The ${s} is ${say(p.price)}, and it makes a beautiful gift.`,
  ],
  'demo-tote': (p, s) => [
    `Next, the ${spokenTitle(p)}. This is the bag I grab for everything.`,
    `Waxed canvas, leather handles, and there's an inner pocket for your keys and your phone. The ${s} is ${say(p.price)}.`,
  ],
  'demo-serum': (p, s) => [
    `Alright, skincare lovers, this one is for you. This is the ${spokenTitle(p)}.`,
    `Fifteen percent vitamin c with ferulic acid, in a thirty milliliter bottle, and a little goes a long way.`,
    p.compareAtPrice
      ? `The ${s} are normally ${say(p.compareAtPrice)}, and today they're ${say(p.price)}.`
      : `The ${s} are ${say(p.price)}.`,
  ],
  'demo-candle': (p, s) => [
    `Let's make the room smell amazing. Here's the ${spokenTitle(p)}.`,
    `It's soy wax with a cotton wick, and you get about fifty hours of burn time. The ${s} is ${say(p.price)}.`,
  ],
  'demo-blanket': (p, s) => [
    `And last but not least, my favorite thing for a cold night, the ${spokenTitle(p)}.`,
    `It's lambswool, one hundred thirty by one hundred eighty centimeters, and it's woven in Scotland.`,
    `The ${s} is ${say(p.price)}${p.compareAtPrice ? `, down from ${say(p.compareAtPrice)}` : ''}.` +
      (p.available ? ` Grab it while it lasts.` : ` It's sold out right now, but tap the card and we'll let you know when it's back.`),
  ],
};
function cap(t) { return t[0].toUpperCase() + t.slice(1); }
function fallback(p, s) {
  return [`Next up, this is the ${spokenTitle(p)}.`, `The ${s} is ${say(p.price)}.`];
}

const lines = []; // { say, slide }
const slides = []; // { kind, productId? }
slides.push({ kind: 'intro' });
lines.push({ say: `Hey everyone, welcome back to the Cue Cart live shop! I'm so glad you're here.`, slide: 0 });
lines.push({ say: `We've got ${words(rundown.length)} great pieces for you today, from coffee gear to cozy things for the house, so grab a drink and let's get into it.`, slide: 0 });
rundown.forEach((p) => {
  const i = slides.push({ kind: 'product', productId: p.id }) - 1;
  for (const t of (HOST[p.id] || fallback)(p, shortName(p))) lines.push({ say: t, slide: i });
});
const outro = slides.push({ kind: 'outro' }) - 1;
lines.push({ say: `That's everything for today. Thank you so much for hanging out with me.`, slide: outro });
lines.push({ say: `All ${words(rundown.length)} products are still in the cart below, so take another look, and I'll see you next time. Bye!`, slide: outro });

// what a speech-to-text engine would emit: lowercase, no punctuation except apostrophes
const stt = (t) => t.toLowerCase().replace(/&/g, ' and ').replace(/[-\u2013\u2014]/g, ' ')
  .replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
lines.forEach((l, i) => {
  l.text = stt(l.say);
  if (/[0-9]/.test(l.text)) throw new Error('digits in spoken line: ' + l.say);
  l.file = String(i).padStart(3, '0');
  fs.writeFileSync(path.join(work, 'lines', l.file + '.txt'), l.say + '\n');
});

// ---- slide texts (drawtext textfile=, expansion=none, so no escaping needed)
const wrap = (t, max) => {
  const out = []; let cur = '';
  for (const w of t.split(/\s+/)) {
    if (cur && (cur + ' ' + w).length > max) { out.push(cur); cur = w; } else cur = cur ? cur + ' ' + w : w;
  }
  if (cur) out.push(cur);
  return out.join('\n');
};
const T = (name, text) => fs.writeFileSync(path.join(work, 'text', name + '.txt'), text);
const images = products.map((p) => {
  const st = styleFor(p);
  T(`img-${p.id}-name`, shortName(p).replace(/\b\w/g, (c) => c.toUpperCase()));
  T(`img-${p.id}-type`, p.productType.toUpperCase());
  T(`img-${p.id}-vendor`, p.vendor);
  T(`img-${p.id}-glyph`, st.glyph);
  return { id: p.id, c: st.c };
});
slides.forEach((s, i) => {
  if (s.kind !== 'product') return;
  const p = products.find((x) => x.id === s.productId);
  const n = rundown.indexOf(p) + 1;
  T(`slide-${i}-title`, wrap(p.title, 17));
  T(`slide-${i}-vendor`, p.vendor.toUpperCase());
  T(`slide-${i}-price`, show(p.price));
  // "was $109.00" with the price struck through: "was " is 2.27 em in DejaVu Sans, so at 18 px the
  // price starts 41 px in; digits and $ are 0.636 em, '.' 0.318 em
  T(`slide-${i}-was`, p.compareAtPrice ? `was ${show(p.compareAtPrice)}` : '');
  s.strikeW = p.compareAtPrice ? Math.round([...show(p.compareAtPrice)].reduce((w, c) => w + (c === '.' ? 0.318 : 0.636), 0) * 18) : 0;
  T(`slide-${i}-save`, p.compareAtPrice ? `SAVE ${show({ amount: String((cents(p.compareAtPrice) - cents(p.price)) / 100), currencyCode: p.price.currencyCode })}` : '');
  T(`slide-${i}-stock`, p.available ? 'In stock' : 'Sold out - tap to get notified');
  T(`slide-${i}-count`, `${n} / ${rundown.length}`);
});
T('intro-title', 'Cuecart Live');
T('intro-sub', `Today: ${rundown.length} picks, from coffee gear to cozy home`);
T('outro-title', 'Thanks for watching!');
T('outro-sub', 'Every product is still in the cart below');
T('live', 'LIVE');
T('brand', 'cuecart demo show');

fs.writeFileSync(path.join(work, 'plan.json'), JSON.stringify({
  rundown: rundown.map((p) => p.id), images, slides, lines,
}, null, 2));
console.log(`plan: ${products.length} products, ${slides.length} slides, ${lines.length} lines, ` +
  `${lines.reduce((n, l) => n + l.text.split(' ').length, 0)} words`);
NODE

# ---------------------------------------------------------------------------------------------
# 2. Product images: lavfi gradient + glyph + short name, palette-quantised PNG (small, lossless).
# ---------------------------------------------------------------------------------------------
rm -rf "$IMAGES"; mkdir -p "$IMAGES"
txt() { printf '%s' "$WORK/text/$1.txt"; }
node -e 'for (const i of require(process.argv[1]).images) console.log([i.id, ...i.c].join(" "))' "$WORK/plan.json" |
while read -r id c0 c1 accent; do
  vf="drawbox=x=0:y=360:w=480:h=120:color=black@0.35:t=fill"
  vf+=",drawtext=fontfile=$FONT:textfile=$(txt "img-$id-glyph"):expansion=none:fontsize=190:fontcolor=$accent:x=(w-text_w)/2:y=(330-text_h)/2+10:shadowcolor=black@0.35:shadowx=4:shadowy=4"
  vf+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt "img-$id-type"):expansion=none:fontsize=20:fontcolor=white@0.85:x=24:y=22"
  vf+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt "img-$id-name"):expansion=none:fontsize=44:fontcolor=white:x=(w-text_w)/2:y=378"
  vf+=",drawtext=fontfile=$FONT:textfile=$(txt "img-$id-vendor"):expansion=none:fontsize=22:fontcolor=$accent:x=(w-text_w)/2:y=432"
  vf+=",split[a][b];[a]palettegen=max_colors=64:stats_mode=full[p];[b][p]paletteuse=dither=none"
  "${FF[@]}" -f lavfi -i "gradients=s=480x480:c0=$c0:c1=$c1:x0=0:y0=0:x1=480:y1=480:nb_colors=2:seed=1:d=0.04" \
    -filter_complex "[0:v]$vf" -frames:v 1 -fflags +bitexact -flags +bitexact "$IMAGES/$id.png"
done

# ---------------------------------------------------------------------------------------------
# 3. Speech: one WAV per line (espeak-ng), leading/trailing silence trimmed, 48 kHz mono s16.
# ---------------------------------------------------------------------------------------------
for f in "$WORK"/lines/*.txt; do
  b="${f%.txt}"
  espeak-ng -v "$VOICE" -s "$WPM" -f "$f" -w "$b.raw.wav"
  trim="silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.03"
  "${FF[@]}" -i "$b.raw.wav" -af "$trim,areverse,$trim,areverse,aresample=48000,volume=0.7" \
    -ac 1 -c:a pcm_s16le -fflags +bitexact -flags +bitexact -map_metadata -1 "$b.wav"
  ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$b.wav" >"$b.dur"
done

# ---------------------------------------------------------------------------------------------
# 4. Timeline: lines end to end with 400 ms gaps, slide spans, total padded to whole 2 s
#    segments; writes the audio track (raw PCM), transcript.json and the frame list.
# ---------------------------------------------------------------------------------------------
node - "$WORK" "$TRANSCRIPT" <<'NODE'
const fs = require('fs');
const path = require('path');
const [work, transcriptPath] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(path.join(work, 'plan.json'), 'utf8'));
const RATE = 48000, LEAD_MS = 800, GAP_MS = 400, TAIL_MS = 1500, SEGMENT_MS = 2000, FRAME_MS = 40;

function pcm(file) { // the data chunk of a PCM WAV
  const b = fs.readFileSync(file);
  let o = 12;
  while (o + 8 <= b.length) {
    const id = b.toString('ascii', o, o + 4), size = b.readUInt32LE(o + 4);
    if (id === 'data') return b.subarray(o + 8, o + 8 + Math.min(size, b.length - o - 8));
    o += 8 + size + (size & 1);
  }
  throw new Error('no data chunk in ' + file);
}

let t = LEAD_MS;
const placed = plan.lines.map((l) => {
  const data = pcm(path.join(work, 'lines', l.file + '.wav'));
  const samples = data.length / 2;
  const probedMs = Number(fs.readFileSync(path.join(work, 'lines', l.file + '.dur'), 'utf8')) * 1000;
  const ms = Math.round(samples * 1000 / RATE);
  if (Math.abs(ms - probedMs) > 2) throw new Error(`line ${l.file}: ffprobe ${probedMs} ms vs ${ms} ms`);
  const atMs = t, endMs = t + ms;
  t = endMs + GAP_MS;
  return { ...l, atMs, endMs, data };
});
const lastEnd = placed[placed.length - 1].endMs;
const totalMs = Math.ceil((lastEnd + TAIL_MS) / SEGMENT_MS) * SEGMENT_MS;

// audio track: silence with each line at its exact sample offset
const audio = Buffer.alloc(totalMs * RATE / 1000 * 2);
for (const l of placed) l.data.copy(audio, l.atMs * RATE / 1000 * 2);
fs.writeFileSync(path.join(work, 'audio.s16le'), audio);

// slide spans: a slide starts half a gap before its first line, on the 40 ms frame grid
const starts = plan.slides.map((_, i) => {
  if (i === 0) return 0;
  const first = placed.find((l) => l.slide === i);
  return Math.round((first.atMs - GAP_MS / 2) / FRAME_MS) * FRAME_MS;
});
const frames = [];
plan.slides.forEach((s, i) => {
  const end = i + 1 < starts.length ? starts[i + 1] : totalMs;
  for (let f = starts[i] / FRAME_MS; f < end / FRAME_MS; f++) frames.push(i);
  s.startMs = starts[i]; s.endMs = end;
});
fs.writeFileSync(path.join(work, 'frames.txt'), frames.join('\n') + '\n');
fs.writeFileSync(path.join(work, 'timeline.json'), JSON.stringify({ totalMs, slides: plan.slides }, null, 2));

fs.writeFileSync(transcriptPath, JSON.stringify({
  loopMs: totalMs,
  script: placed.map(({ atMs, endMs, text }) => ({ atMs, endMs, text })),
}, null, 2) + '\n');
const speechMs = placed.reduce((n, l) => n + l.endMs - l.atMs, 0);
console.log(`timeline: ${placed.length} lines, speech ${(speechMs / 1000).toFixed(1)} s, loop ${(totalMs / 1000).toFixed(1)} s`);
for (const s of plan.slides) console.log(`  slide ${s.kind}${s.productId ? ' ' + s.productId : ''}: ${s.startMs}-${s.endMs} ms`);
NODE

# ---------------------------------------------------------------------------------------------
# 5. Slides (640x360 PNG): intro, one per rundown product, outro. The clock is added at encode.
# ---------------------------------------------------------------------------------------------
BG=0x16161d
header="drawbox=x=0:y=0:w=640:h=34:color=black@0.55:t=fill"
header+=",drawbox=x=14:y=8:w=58:h=19:color=0xe63946:t=fill"
header+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt live):expansion=none:fontsize=13:fontcolor=white:x=14+(58-text_w)/2:y=11"
header+=",drawtext=fontfile=$FONT:textfile=$(txt brand):expansion=none:fontsize=14:fontcolor=white@0.8:x=84:y=10"
# a strip of the rundown's thumbnails, for the intro and outro slides
mapfile -t RUNDOWN < <(node -e 'console.log(require(process.argv[1]).rundown.join("\n"))' "$WORK/plan.json")
strip_inputs=(); strip_graph=""; layout=""
for i in "${!RUNDOWN[@]}"; do
  strip_inputs+=(-i "$IMAGES/${RUNDOWN[$i]}.png")
  strip_graph+="[$((i + 1)):v]scale=60:60:flags=lanczos,format=rgb24[t$i];"
  layout+="${layout:+|}$((i * 66))_0"
done
strip_graph+="$(for i in "${!RUNDOWN[@]}"; do printf '[t%d]' "$i"; done)xstack=inputs=${#RUNDOWN[@]}:layout=$layout:fill=black[strip]"
strip_w=$(( ${#RUNDOWN[@]} * 66 - 6 ))

bookend() { # $1 slide index, $2 text prefix (intro|outro)
  "${FF[@]}" -f lavfi -i "color=c=$BG:s=640x360:d=0.04" "${strip_inputs[@]}" -filter_complex \
    "$strip_graph;[0:v]format=rgb24,$header,drawtext=fontfile=$FONT_BOLD:textfile=$(txt "$2-title"):expansion=none:fontsize=46:fontcolor=white:x=(w-text_w)/2:y=92,drawtext=fontfile=$FONT:textfile=$(txt "$2-sub"):expansion=none:fontsize=20:fontcolor=0xf6c453:x=(w-text_w)/2:y=160[bg];[bg][strip]overlay=x=(640-$strip_w)/2:y=230,format=rgb24" \
    -frames:v 1 "$WORK/slides/$1.png"
}

node -e 'require(process.argv[1]).slides.forEach((s, i) => console.log(i, s.kind, s.productId || "-", s.strikeW || 0))' "$WORK/plan.json" |
while read -r i kind pid strike; do
  case "$kind" in
    intro|outro) bookend "$i" "$kind" ;;
    product)
      vf="[0:v]format=rgb24,$header"
      vf+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt "slide-$i-count"):expansion=none:fontsize=14:fontcolor=white@0.6:x=330:y=58"
      vf+=",drawtext=fontfile=$FONT:textfile=$(txt "slide-$i-vendor"):expansion=none:fontsize=15:fontcolor=0xf6c453:x=330:y=84"
      vf+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt "slide-$i-title"):expansion=none:fontsize=28:line_spacing=6:fontcolor=white:x=330:y=108"
      vf+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt "slide-$i-price"):expansion=none:fontsize=40:fontcolor=white:x=330:y=220"
      [[ -s "$WORK/text/slide-$i-was.txt" ]] && {
        vf+=",drawtext=fontfile=$FONT:textfile=$(txt "slide-$i-was"):expansion=none:fontsize=18:fontcolor=0xbbbbbb:x=332:y=272"
        vf+=",drawbox=x=372:y=279:w=$((strike + 2)):h=2:color=0xe63946:t=fill"
        vf+=",drawtext=fontfile=$FONT_BOLD:textfile=$(txt "slide-$i-save"):expansion=none:fontsize=14:fontcolor=white:box=1:boxcolor=0x2a9d8f:boxborderw=5:x=480:y=272"
      }
      vf+=",drawtext=fontfile=$FONT:textfile=$(txt "slide-$i-stock"):expansion=none:fontsize=15:fontcolor=white@0.75:x=330:y=310"
      vf+="[bg];[1:v]scale=280:280:flags=lanczos[img];[bg][img]overlay=x=28:y=56,format=rgb24"
      "${FF[@]}" -f lavfi -i "color=c=$BG:s=640x360:d=0.04" -i "$IMAGES/$pid.png" -filter_complex "$vf" \
        -frames:v 1 "$WORK/slides/$i.png" ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# 6. Encode + segment: frame list -> H.264 (key frame every 2 s exactly) + AAC, HLS VOD 2 s TS.
# ---------------------------------------------------------------------------------------------
n=0
while read -r slide; do
  ln -s "$WORK/slides/$slide.png" "$WORK/frames/$(printf '%06d' "$n").png"
  n=$((n + 1))
done <"$WORK/frames.txt"

rm -rf "$MEDIA"; mkdir -p "$MEDIA"
clock="drawtext=fontfile=$FONT_MONO:text='%{pts\:hms}':fontsize=14:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=4:x=w-text_w-14:y=10"
"${FF[@]}" -framerate 25 -start_number 0 -i "$WORK/frames/%06d.png" \
  -f s16le -ar 48000 -ac 1 -i "$WORK/audio.s16le" \
  -filter_complex "[0:v]$clock,format=yuv420p[v]" -map "[v]" -map 1:a \
  -c:v libx264 -preset medium -tune stillimage -crf 30 -profile:v main -r 25 \
  -g 50 -keyint_min 50 -sc_threshold 0 -force_key_frames 'expr:eq(mod(n,50),0)' \
  -bsf:v filter_units=remove_types=6 \
  -c:a aac -b:a 48k -ac 1 -ar 48000 \
  -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  -f hls -hls_time 2 -hls_list_size 0 -hls_playlist_type vod -hls_segment_type mpegts \
  -hls_segment_filename "$MEDIA/seg-%03d.ts" "$WORK/media.m3u8"

# media.json from the playlist ffmpeg wrote (the relay generates the live playlist itself)
node - "$WORK/media.m3u8" "$MEDIA/media.json" "$TRANSCRIPT" <<'NODE'
const fs = require('fs');
const [m3u8, out, transcriptPath] = process.argv.slice(2);
const segments = [];
let dur = null;
for (const line of fs.readFileSync(m3u8, 'utf8').split('\n')) {
  const m = /^#EXTINF:([0-9.]+)/.exec(line);
  if (m) dur = Number(m[1]);
  else if (line && !line.startsWith('#')) { segments.push({ file: line.trim(), durationMs: Math.round(dur * 1000) }); dur = null; }
}
const totalMs = segments.reduce((n, s) => n + s.durationMs, 0);
const loopMs = JSON.parse(fs.readFileSync(transcriptPath, 'utf8')).loopMs;
const bad = segments.filter((s) => s.durationMs !== 2000);
if (bad.length || totalMs !== loopMs) {
  throw new Error(`segments not 2.000 s or total ${totalMs} != ${loopMs}: ${JSON.stringify(bad)}`);
}
fs.writeFileSync(out, JSON.stringify({ segmentMs: 2000, totalMs, segments }, null, 2) + '\n');
console.log(`media: ${segments.length} segments, ${totalMs} ms`);
NODE

du -sh "$DEMO"
