import { promises as fs } from 'node:fs';
import path from 'node:path';
import { saveAtomic } from '../../host/services/atomic-save';

/** Size and position of the main window, remembered in `<userData>/window-state.json`. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1400, height: 900, maximized: false };
const FILE = 'window-state.json';

/**
 * Makes a remembered state safe for today's screens: a window saved on a monitor that is gone, or larger than
 * any screen, comes back centred at a fitting size instead of off-screen.
 */
export function fitToDisplays(s: WindowState, workAreas: Rect[]): WindowState {
  const width = Math.max(640, Math.round(s.width));
  const height = Math.max(480, Math.round(s.height));
  const biggest = workAreas.reduce<Rect | undefined>(
    (a, b) => (!a || b.width * b.height > a.width * a.height ? b : a),
    undefined,
  );
  const fit = {
    ...s,
    width: biggest ? Math.min(width, biggest.width) : width,
    height: biggest ? Math.min(height, biggest.height) : height,
  };
  if (s.x === undefined || s.y === undefined) return { width: fit.width, height: fit.height, maximized: s.maximized };
  const visible = workAreas.some((d) => {
    const ix = Math.min(s.x! + fit.width, d.x + d.width) - Math.max(s.x!, d.x);
    const iy = Math.min(s.y! + fit.height, d.y + d.height) - Math.max(s.y!, d.y);
    return ix >= 100 && iy >= 50; // enough of the title bar to grab
  });
  return visible ? fit : { width: fit.width, height: fit.height, maximized: s.maximized };
}

export async function loadWindowState(userDataDir: string): Promise<WindowState> {
  try {
    const raw = JSON.parse(await fs.readFile(path.join(userDataDir, FILE), 'utf8')) as Partial<WindowState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return {
      ...(num(raw.x) !== undefined && num(raw.y) !== undefined ? { x: num(raw.x), y: num(raw.y) } : {}),
      width: num(raw.width) ?? DEFAULT_STATE.width,
      height: num(raw.height) ?? DEFAULT_STATE.height,
      maximized: raw.maximized === true,
    };
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export async function saveWindowState(userDataDir: string, s: WindowState): Promise<void> {
  await fs.mkdir(userDataDir, { recursive: true });
  await saveAtomic(path.join(userDataDir, FILE), JSON.stringify(s) + '\n', { backup: false });
}
