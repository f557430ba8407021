import type { MyPlace } from '@sqtb/shared';
import { qrMatrix } from '../core/qr-matrix';
import { kindWords, POSTER_INSTRUCTION } from './words';

/** The poster image's size in canvas pixels (portrait, prints well on A4 and A5). */
export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1050;

/** The parts of a 2D canvas context the poster uses (a weapp canvas node's context, or a test's fake). */
export interface PosterPen {
  fillStyle: unknown;
  font: string;
  textAlign: unknown;
  textBaseline: unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
}

const QR_SIDE = 520;
const QUIET_CELLS = 4;

/** Draw the same poster the page shows: kind, name, the QR of the token, the instruction and the address. */
export function drawPoster(pen: PosterPen, place: MyPlace): void {
  const centre = POSTER_WIDTH / 2;
  const textWidth = POSTER_WIDTH - 80;
  pen.fillStyle = '#ffffff';
  pen.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
  pen.textAlign = 'center';
  pen.textBaseline = 'middle';

  pen.fillStyle = '#646a73';
  pen.font = '30px sans-serif';
  pen.fillText(`场所码 · ${kindWords(place.kind)}`, centre, 80, textWidth);
  pen.fillStyle = '#1f2329';
  pen.font = 'bold 48px sans-serif';
  pen.fillText(place.name, centre, 150, textWidth);

  const matrix = qrMatrix(place.token);
  const cell = Math.floor(QR_SIDE / (matrix.size + 2 * QUIET_CELLS));
  const side = cell * matrix.size;
  const left = Math.round(centre - side / 2);
  const top = 220 + cell * QUIET_CELLS;
  pen.fillStyle = '#000000';
  matrix.rows.forEach((runs, row) => {
    let col = 0;
    for (const run of runs) {
      col += run.gap;
      pen.fillRect(left + col * cell, top + row * cell, run.length * cell, cell);
      col += run.length;
    }
  });

  const below = top + side + cell * QUIET_CELLS + 70;
  pen.fillStyle = '#1f2329';
  pen.font = 'bold 38px sans-serif';
  pen.fillText(POSTER_INSTRUCTION, centre, below, textWidth);
  pen.fillStyle = '#8f959e';
  pen.font = '26px sans-serif';
  pen.fillText(place.address, centre, below + 60, textWidth);
}
