import type { RasterImage } from './draw-images';

/**
 * A diagonal hatch tile for the gap area (fill-pattern), drawn on a canvas:
 * the style needs no sprite URL and the map stays offline.
 */
export function drawHatch(size = 12, color = 'rgba(127, 39, 4, 0.75)', pixelRatio = 2): RasterImage {
  const w = size * pixelRatio;
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, w) : Object.assign(document.createElement('canvas'), { width: w, height: w });
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.4 * pixelRatio;
  ctx.lineCap = 'square';
  // Three strokes so the lines join seamlessly across tile edges.
  for (const offset of [-w, 0, w]) {
    ctx.beginPath();
    ctx.moveTo(offset, w);
    ctx.lineTo(offset + w, 0);
    ctx.stroke();
  }
  return { width: w, height: w, data: ctx.getImageData(0, 0, w, w).data };
}
