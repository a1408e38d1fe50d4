/**
 * Product pictures for the demo: a simple drawing per kind of goods (a steel coil, a bundle of bars, pipe ends, a
 * fabric roll, a T-shirt, a chip, a reel, an LED, a carton, a pouch, a tape roll, a bearing, a bolt, a gear, a drum,
 * pellets, a grain sack, a tea tin, fruit, a chair, a ream of paper, a lamp…) in a few colourways, drawn as SVG and
 * rasterized to PNG with sharp (the files module never accepts SVG). No text: fonts differ between machines.
 */

const SIZE = 640;
type Draw = (c: Palette) => string;
interface Palette { bg: string; main: string; dark: string; light: string; accent: string }

/** Four colourways per kind, by variant. */
const PALETTES: Palette[] = [
  { bg: '#eef2f6', main: '#8a98a8', dark: '#4b5866', light: '#d5dde6', accent: '#1f6fb2' },
  { bg: '#f6f1e8', main: '#c08a4a', dark: '#7a5224', light: '#ecd6b5', accent: '#b23a2e' },
  { bg: '#eaf4ee', main: '#4f9a6c', dark: '#2c5d40', light: '#c9e6d3', accent: '#d8a21b' },
  { bg: '#f3eef7', main: '#7d6bb0', dark: '#463a6e', light: '#ddd5ef', accent: '#e0663a' },
];

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" ${extra}/>`;
const circle = (cx: number, cy: number, r: number, fill: string, extra = '') => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" ${extra}/>`;
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = '') => `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}" ${extra}/>`;
const shadow = (cx = 320, cy = 540, rx = 230) => ellipse(cx, cy, rx, 26, '#000', 'opacity="0.12"');

const DRAWINGS: Record<string, Draw> = {
  coil: (c) => shadow() + ellipse(320, 320, 220, 220, c.main) + [200, 170, 140, 110, 80].map((r, i) => circle(320, 320, r, i % 2 ? c.main : c.light, `stroke="${c.dark}" stroke-width="3"`)).join('') + circle(320, 320, 60, c.bg, `stroke="${c.dark}" stroke-width="6"`),
  sheets: (c) => shadow() + [0, 1, 2, 3, 4].map((i) => `<polygon points="${120},${420 - i * 40} ${380},${460 - i * 40} ${540},${380 - i * 40} ${280},${340 - i * 40}" fill="${i % 2 ? c.main : c.light}" stroke="${c.dark}" stroke-width="3"/>`).join(''),
  bars: (c) => shadow() + Array.from({ length: 7 }, (_, i) => rect(90, 160 + i * 48, 460, 34, i % 2 ? c.main : c.dark, `rx="17"`) + Array.from({ length: 10 }, (__, k) => rect(110 + k * 44, 164 + i * 48, 8, 26, c.light, 'opacity="0.6"')).join('')).join(''),
  pipes: (c) => shadow() + [[200, 250], [330, 250], [460, 250], [265, 370], [395, 370], [330, 480]].map(([x, y]) => circle(x!, y!, 62, c.main, `stroke="${c.dark}" stroke-width="6"`) + circle(x!, y!, 42, c.bg, `stroke="${c.dark}" stroke-width="3"`)).join(''),
  fabric: (c) => shadow() + `<path d="M140 200 L520 200 L520 470 Q470 500 420 470 Q370 440 320 470 Q270 500 220 470 Q180 445 140 470 Z" fill="${c.light}" stroke="${c.dark}" stroke-width="3"/>` + ellipse(140, 200, 45, 90, c.main, `stroke="${c.dark}" stroke-width="3"`) + rect(140, 110, 380, 180, c.main) + ellipse(520, 200, 45, 90, c.main, `stroke="${c.dark}" stroke-width="3"`) + ellipse(520, 200, 14, 28, c.dark),
  shirt: (c) => shadow() + `<path d="M240 110 Q320 160 400 110 L540 170 L500 270 L450 250 L450 520 L190 520 L190 250 L140 270 L100 170 Z" fill="${c.main}" stroke="${c.dark}" stroke-width="5"/>` + `<path d="M270 120 Q320 170 370 120" fill="none" stroke="${c.dark}" stroke-width="5"/>`,
  towels: (c) => shadow() + [0, 1, 2, 3].map((i) => rect(150, 390 - i * 80, 340, 76, i % 2 ? c.light : c.main, `rx="22" stroke="${c.dark}" stroke-width="3"`)).join('') + rect(150, 150, 340, 10, c.accent),
  zipper: (c) => shadow() + rect(270, 80, 100, 460, c.light, 'rx="10"') + Array.from({ length: 20 }, (_, i) => rect(i % 2 ? 300 : 318, 90 + i * 22, 22, 14, c.dark, 'rx="3"')).join('') + rect(290, 300, 60, 90, c.accent, 'rx="12"'),
  buttons: (c) => shadow() + [[220, 240, 90], [420, 260, 70], [300, 420, 80]].map(([x, y, r]) => circle(x!, y!, r!, c.main, `stroke="${c.dark}" stroke-width="5"`) + [[-1, -1], [1, -1], [-1, 1], [1, 1]].map(([dx, dy]) => circle(x! + dx! * r! * 0.25, y! + dy! * r! * 0.25, r! * 0.1, c.dark)).join('')).join(''),
  chip: (c) => shadow() + Array.from({ length: 8 }, (_, i) => rect(190 + i * 34, 130, 14, 60, c.light) + rect(190 + i * 34, 450, 14, 60, c.light) + rect(130, 190 + i * 34, 60, 14, c.light) + rect(450, 190 + i * 34, 60, 14, c.light)).join('') + rect(170, 170, 300, 300, c.dark, 'rx="14"') + circle(210, 210, 12, c.main),
  reel: (c) => shadow() + circle(320, 320, 220, c.light, `stroke="${c.dark}" stroke-width="6"`) + circle(320, 320, 150, c.main) + circle(320, 320, 40, c.bg, `stroke="${c.dark}" stroke-width="6"`) + [0, 60, 120, 180, 240, 300].map((a) => `<rect x="314" y="120" width="12" height="60" fill="${c.dark}" transform="rotate(${a} 320 320)"/>`).join(''),
  led: (c) => shadow() + rect(220, 380, 200, 60, c.dark, 'rx="8"') + `<path d="M240 380 L240 250 Q320 120 400 250 L400 380 Z" fill="${c.accent}" opacity="0.85"/>` + rect(260, 440, 16, 90, c.main) + rect(364, 440, 16, 110, c.main),
  connector: (c) => shadow() + rect(130, 260, 380, 120, c.dark, 'rx="10"') + Array.from({ length: 10 }, (_, i) => rect(150 + i * 36, 180, 12, 90, c.light) + rect(154 + i * 36, 290, 8, 60, c.main)).join(''),
  screen: (c) => shadow() + rect(110, 150, 420, 300, c.dark, 'rx="18"') + rect(135, 175, 370, 250, c.accent, 'opacity="0.8"') + rect(290, 450, 60, 40, c.main) + rect(220, 490, 200, 20, c.main, 'rx="6"'),
  carton: (c) => shadow() + `<polygon points="320,150 540,240 320,330 100,240" fill="${c.light}" stroke="${c.dark}" stroke-width="4"/><polygon points="100,240 320,330 320,540 100,450" fill="${c.main}" stroke="${c.dark}" stroke-width="4"/><polygon points="540,240 320,330 320,540 540,450" fill="${c.dark}" opacity="0.85"/>` + `<polygon points="200,200 420,290 440,282 220,192" fill="${c.accent}" opacity="0.7"/>`,
  pouch: (c) => shadow() + `<path d="M190 140 L450 140 L470 520 Q320 550 170 520 Z" fill="${c.main}" stroke="${c.dark}" stroke-width="5"/>` + rect(190, 180, 260, 14, c.dark, 'opacity="0.6"') + circle(320, 340, 70, c.light),
  tape: (c) => shadow() + circle(320, 320, 200, c.main, `stroke="${c.dark}" stroke-width="4"`) + circle(320, 320, 120, c.light) + circle(320, 320, 100, c.bg, `stroke="${c.dark}" stroke-width="6"`) + `<path d="M320 520 L560 520 L560 470 L320 470" fill="${c.main}" opacity="0.8"/>`,
  labels: (c) => shadow() + rect(140, 160, 360, 360, c.light, 'rx="12"') + Array.from({ length: 3 }, (_, i) => rect(170, 190 + i * 110, 300, 90, '#fff', `rx="10" stroke="${c.dark}" stroke-width="3"`) + rect(195, 215 + i * 110, 160, 14, c.main) + rect(195, 240 + i * 110, 110, 10, c.dark)).join(''),
  bubble: (c) => shadow() + rect(120, 160, 400, 340, c.light, 'rx="20" opacity="0.9"') + Array.from({ length: 36 }, (_, i) => circle(155 + (i % 6) * 66 + (Math.floor(i / 6) % 2) * 20, 195 + Math.floor(i / 6) * 54, 22, '#fff', `stroke="${c.main}" stroke-width="3"`)).join(''),
  bearing: (c) => shadow() + circle(320, 320, 220, c.dark) + circle(320, 320, 190, c.light) + Array.from({ length: 10 }, (_, i) => circle(320 + 150 * Math.cos((i * Math.PI) / 5), 320 + 150 * Math.sin((i * Math.PI) / 5), 34, c.main, `stroke="${c.dark}" stroke-width="3"`)).join('') + circle(320, 320, 100, c.dark) + circle(320, 320, 70, c.bg),
  bolt: (c) => shadow() + `<polygon points="230,120 410,120 470,200 410,280 230,280 170,200" fill="${c.dark}"/>` + rect(270, 270, 100, 260, c.main) + Array.from({ length: 11 }, (_, i) => `<line x1="270" y1="${290 + i * 22}" x2="370" y2="${300 + i * 22}" stroke="${c.dark}" stroke-width="5"/>`).join(''),
  wrench: (c) => shadow() + `<g transform="rotate(-35 320 320)">` + rect(290, 170, 60, 360, c.main, 'rx="20"') + circle(320, 150, 90, c.main) + rect(295, 40, 50, 100, c.bg) + circle(320, 530, 60, c.main) + circle(320, 530, 30, c.bg) + '</g>',
  gear: (c) => shadow() + Array.from({ length: 12 }, (_, i) => `<rect x="295" y="70" width="50" height="80" fill="${c.main}" transform="rotate(${i * 30} 320 320)"/>`).join('') + circle(320, 320, 190, c.main) + circle(320, 320, 70, c.bg, `stroke="${c.dark}" stroke-width="8"`) + rect(310, 240, 20, 20, c.dark),
  drum: (c) => shadow() + rect(180, 130, 280, 400, c.main, 'rx="20"') + ellipse(320, 130, 140, 36, c.light, `stroke="${c.dark}" stroke-width="4"`) + rect(180, 250, 280, 16, c.dark) + rect(180, 400, 280, 16, c.dark) + `<polygon points="320,300 360,370 280,370" fill="${c.accent}"/>`,
  pellets: (c) => shadow() + `<path d="M110 500 Q320 240 530 500 Z" fill="${c.light}"/>` + Array.from({ length: 60 }, (_, i) => ellipse(150 + ((i * 53) % 340), 480 - ((i * 37) % 170) * (1 - Math.abs(((i * 53) % 340) - 170) / 340), 14, 10, i % 3 ? c.main : c.dark)).join(''),
  sack: (c) => shadow() + `<path d="M200 150 Q320 110 440 150 L480 500 Q320 550 160 500 Z" fill="${c.light}" stroke="${c.dark}" stroke-width="5"/>` + rect(240, 280, 160, 120, c.main, 'rx="10"') + `<path d="M230 150 Q320 200 410 150" fill="none" stroke="${c.dark}" stroke-width="6"/>`,
  bottle: (c) => shadow() + rect(230, 220, 180, 310, c.accent, 'rx="30" opacity="0.85"') + rect(285, 130, 70, 100, c.accent, 'opacity="0.85"') + rect(275, 100, 90, 40, c.dark, 'rx="8"') + rect(230, 330, 180, 110, c.light),
  nuts: (c) => shadow() + ellipse(320, 440, 230, 80, c.dark) + Array.from({ length: 18 }, (_, i) => ellipse(170 + (i % 6) * 60, 420 - Math.floor(i / 6) * 45, 34, 24, i % 2 ? c.main : c.light, `stroke="${c.dark}" stroke-width="2"`)).join(''),
  tea: (c) => shadow() + rect(200, 180, 240, 340, c.main, 'rx="16"') + ellipse(320, 180, 120, 30, c.dark) + `<path d="M320 300 Q400 330 320 430 Q240 330 320 300 Z" fill="${c.light}"/>`,
  fruit: (c) => shadow() + [[230, 360], [410, 360], [320, 250]].map(([x, y]) => circle(x!, y!, 105, c.accent, `stroke="${c.dark}" stroke-width="3"`) + ellipse(x! + 20, y! - 100, 28, 14, c.main)).join(''),
  veg: (c) => shadow() + Array.from({ length: 5 }, (_, i) => ellipse(200 + i * 60, 400 - (i % 2) * 40, 70, 95, i % 2 ? c.light : '#f4efe0', `stroke="${c.dark}" stroke-width="3"`)).join('') + rect(300, 180, 20, 100, c.main),
  chair: (c) => shadow() + rect(220, 90, 200, 230, c.dark, 'rx="40"') + rect(190, 330, 260, 60, c.main, 'rx="24"') + rect(305, 390, 30, 100, c.dark) + `<path d="M180 520 L320 480 L460 520" fill="none" stroke="${c.dark}" stroke-width="14"/>` + circle(180, 528, 14, c.dark) + circle(460, 528, 14, c.dark),
  desk: (c) => shadow() + `<polygon points="90,250 550,250 590,300 50,300" fill="${c.main}"/>` + rect(70, 300, 500, 22, c.dark) + rect(100, 322, 24, 200, c.dark) + rect(516, 322, 24, 200, c.dark) + rect(380, 322, 130, 140, c.light),
  cabinet: (c) => shadow() + rect(190, 100, 260, 440, c.main, 'rx="6"') + [0, 1, 2, 3].map((i) => rect(205, 115 + i * 105, 230, 95, c.light, `stroke="${c.dark}" stroke-width="3"`) + rect(290, 155 + i * 105, 60, 12, c.dark, 'rx="6"')).join(''),
  paper: (c) => shadow() + `<polygon points="110,330 330,230 530,300 310,400" fill="#fff" stroke="${c.dark}" stroke-width="3"/><polygon points="110,330 310,400 310,480 110,410" fill="${c.main}"/><polygon points="310,400 530,300 530,380 310,480" fill="${c.dark}"/>` + rect(160, 345, 90, 40, c.light, 'transform="skewY(20)"'),
  pens: (c) => shadow() + [0, 1, 2, 3, 4].map((i) => `<g transform="rotate(${-20 + i * 10} 320 520)">` + rect(300, 140, 40, 330, i % 2 ? c.main : c.dark, 'rx="8"') + `<polygon points="300,470 340,470 320,520" fill="${c.light}"/>` + rect(300, 140, 40, 50, c.accent, 'rx="8"') + '</g>').join(''),
  lamp: (c) => shadow() + circle(320, 260, 140, c.light, `stroke="${c.main}" stroke-width="8"`) + circle(320, 260, 70, '#fff8d0') + rect(270, 390, 100, 40, c.main) + rect(280, 430, 80, 70, c.dark, 'rx="10"'),
  panel: (c) => shadow() + `<polygon points="120,260 420,180 540,290 240,380" fill="#fffbe6" stroke="${c.dark}" stroke-width="10"/>` + `<polygon points="240,380 540,290 540,310 240,400" fill="${c.main}"/>`,
  strip: (c) => shadow() + `<path d="M90 460 Q200 120 320 320 T560 180" fill="none" stroke="${c.light}" stroke-width="46" stroke-linecap="round"/>` + Array.from({ length: 9 }, (_, i) => circle(110 + i * 55, 450 - i * 30, 10, c.accent)).join(''),
  pot: (c) => shadow() + `<path d="M150 260 L490 260 L460 500 Q320 540 180 500 Z" fill="${c.main}" stroke="${c.dark}" stroke-width="5"/>` + ellipse(320, 260, 170, 40, c.light, `stroke="${c.dark}" stroke-width="5"`) + rect(80, 270, 80, 24, c.dark, 'rx="10"') + rect(480, 270, 80, 24, c.dark, 'rx="10"'),
  box: (c) => shadow() + rect(140, 240, 360, 280, c.main, 'rx="20" opacity="0.9"') + rect(120, 200, 400, 60, c.dark, 'rx="16"') + rect(280, 220, 80, 20, c.light, 'rx="8"'),
  pump: (c) => shadow() + rect(120, 280, 240, 180, c.main, 'rx="20"') + circle(430, 360, 110, c.dark) + circle(430, 360, 50, c.light) + rect(400, 170, 60, 90, c.dark) + rect(120, 460, 360, 40, c.dark, 'rx="8"'),
};

/** Which drawing stands for a leaf: by its second level (steel.plate → coil), else by its top level. */
const BY_PREFIX: Array<[string, string]> = [
  ['steel.plate.galvanized', 'sheets'], ['steel.plate', 'coil'], ['steel.long', 'bars'], ['steel.pipe', 'pipes'], ['steel.stainless.sheet', 'sheets'],
  ['steel.stainless.pipe', 'pipes'], ['steel.stainless.bar', 'bars'], ['textiles.fabric', 'fabric'], ['textiles.apparel', 'shirt'], ['textiles.home', 'towels'],
  ['textiles.trims.zippers', 'zipper'], ['textiles.trims', 'buttons'], ['electronics.ic', 'chip'], ['electronics.passive', 'reel'], ['electronics.led.lcd', 'screen'],
  ['electronics.led', 'led'], ['electronics.connectors', 'connector'], ['packaging.cartons', 'carton'], ['packaging.bags', 'pouch'], ['packaging.labels', 'labels'],
  ['packaging.protective.bubble', 'bubble'], ['packaging.protective', 'tape'], ['machinery.bearings', 'bearing'], ['machinery.fasteners', 'bolt'], ['machinery.tools', 'wrench'],
  ['machinery.equipment.pumps', 'pump'], ['machinery.equipment', 'gear'], ['chemicals.plastics', 'pellets'], ['chemicals', 'drum'], ['food.grain_oil.edible_oil', 'bottle'],
  ['food.grain_oil', 'sack'], ['food.dried.tea', 'tea'], ['food.dried', 'nuts'], ['food.fresh.fruit', 'fruit'], ['food.fresh', 'veg'], ['food.agri', 'sack'],
  ['office.furniture.chairs', 'chair'], ['office.furniture.desks', 'desk'], ['office.furniture', 'cabinet'], ['office.stationery.pens', 'pens'], ['office.stationery', 'paper'],
  ['office.lighting.panel', 'panel'], ['office.lighting.strip', 'strip'], ['office.lighting', 'lamp'], ['office.household.kitchenware', 'pot'], ['office.household', 'box'],
];

export function drawingFor(leaf: string): string {
  return BY_PREFIX.find(([prefix]) => leaf === prefix || leaf.startsWith(`${prefix}.`))?.[1] ?? 'box';
}

/** The SVG of a leaf's picture in a colourway (0–3). */
export function productSvg(leaf: string, variant: number): string {
  const palette = PALETTES[((variant % PALETTES.length) + PALETTES.length) % PALETTES.length]!;
  const body = DRAWINGS[drawingFor(leaf)]!(palette);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">${rect(0, 0, SIZE, SIZE, palette.bg)}${body}</svg>`;
}

const cache = new Map<string, Promise<Buffer>>();

/** The PNG of a leaf's picture in a colourway; rasterized once per process. */
export function productPng(leaf: string, variant: number): Promise<Buffer> {
  const key = `${drawingFor(leaf)}:${variant % PALETTES.length}`;
  let png = cache.get(key);
  if (!png) {
    // sharp (libvips, ~25 MB resident) loads on first use, not at every start.
    png = import('sharp').then(({ default: sharp }) => sharp(Buffer.from(productSvg(leaf, variant))).png({ compressionLevel: 6 }).toBuffer());
    cache.set(key, png);
  }
  return png;
}
