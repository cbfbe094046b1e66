import type { SymbolShape } from '../domain/types';
import { shapeVertices } from './symbol-shapes';
import { clusterBubbleSize } from './cluster';

export interface RasterImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const PIXEL_RATIO = 2;

// Each image is drawn once and read back once (getImageData): a software canvas avoids a
// GPU readback per image, which took 0.6-0.7 s of main thread on a zoom jump that drew
// commune labels (SwiftShader).
const CONTEXT_OPTIONS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

function canvas(width: number, height: number): [OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, number, number] {
  const w = Math.ceil(width * PIXEL_RATIO);
  const h = Math.ceil(height * PIXEL_RATIO);
  if (typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(w, h).getContext('2d', CONTEXT_OPTIONS);
    if (ctx) return [ctx, w, h];
  }
  const el = document.createElement('canvas');
  el.width = w;
  el.height = h;
  return [el.getContext('2d', CONTEXT_OPTIONS)!, w, h];
}

function image(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, w: number, h: number): RasterImage {
  return { width: w, height: h, data: ctx.getImageData(0, 0, w, h).data };
}

/** A marker of the given shape and colour with a white halo, for MapLibre's addImage. */
export function drawMarker(shape: SymbolShape, color: string, size = 20, selected = false): RasterImage {
  const [ctx, w, h] = canvas(size, size);
  const r = (w / 2) * 0.78;
  ctx.translate(w / 2, h / 2);
  ctx.beginPath();
  const vertices = shapeVertices(shape);
  if (vertices === 'circle') ctx.arc(0, 0, r * 0.9, 0, Math.PI * 2);
  else vertices.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * r, y * r) : ctx.lineTo(x * r, y * r)));
  ctx.closePath();
  ctx.lineJoin = 'round';
  // White halo outside, then a dark ring against the fill: light fills (orange,
  // sky blue) keep a 3:1 edge on any background (WCAG 1.4.11).
  ctx.lineWidth = (selected ? 6 : 5) * PIXEL_RATIO;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.lineWidth = (selected ? 4 : 2) * PIXEL_RATIO;
  ctx.strokeStyle = selected ? '#111111' : '#1b2631';
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.fill();
  return image(ctx, w, h);
}

/** A text label drawn as an image: the map needs no glyph server and stays offline. */
export function drawLabel(text: string, options: { fontSize?: number; color?: string; halo?: string; bold?: boolean } = {}): RasterImage {
  const fontSize = options.fontSize ?? 12;
  const font = `${options.bold ? '600 ' : ''}${fontSize * PIXEL_RATIO}px system-ui, "DejaVu Sans", Arial, sans-serif`;
  const [probe] = canvas(1, 1);
  probe.font = font;
  const width = probe.measureText(text).width / PIXEL_RATIO + 8;
  const [ctx, w, h] = canvas(width, fontSize * 1.6);
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3 * PIXEL_RATIO;
  ctx.strokeStyle = options.halo ?? 'rgba(255,255,255,0.9)';
  ctx.strokeText(text, w / 2, h / 2);
  ctx.fillStyle = options.color ?? '#333333';
  ctx.fillText(text, w / 2, h / 2);
  return image(ctx, w, h);
}

/** A cluster bubble with its label (src/map/cluster.ts: clusterLabel), sized by the count. */
export function drawCluster(label: string): RasterImage {
  const size = clusterBubbleSize(label);
  const [ctx, w, h] = canvas(size, size);
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, w / 2 - 2 * PIXEL_RATIO, 0, Math.PI * 2);
  ctx.fillStyle = '#1d3557';
  ctx.fill();
  ctx.lineWidth = 2 * PIXEL_RATIO;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.font = `600 ${12 * PIXEL_RATIO}px system-ui, "DejaVu Sans", Arial, sans-serif`;
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, w / 2, h / 2 + PIXEL_RATIO);
  return image(ctx, w, h);
}

export const IMAGE_PIXEL_RATIO = PIXEL_RATIO;
