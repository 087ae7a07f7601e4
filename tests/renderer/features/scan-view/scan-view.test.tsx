import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { Page } from '@shared/model/types';
import { ScanView } from '../../../../renderer/src/features/scan-view/ScanView';
import { boxPercent, pageSpace, stepZoom, MAX_ZOOM } from '../../../../renderer/src/features/scan-view/scan-geometry';

const page: Page = {
  id: 'p1',
  label: '1',
  original: 'Kopf\n\nText',
  encoding: 'utf-8',
  markup: [],
  size: { width: 2000, height: 3000 },
  image: { src: 'data:image/png;base64,AQID', width: 1000, height: 1500, mime: 'image/png' },
  fragments: [
    {
      id: 'p1.1',
      page: 'p1',
      spans: [{ start: 0, end: 4 }],
      text: 'Kopf',
      role: 'headline',
      box: { x: 100, y: 300, w: 1000, h: 150 },
    },
    {
      id: 'p1.2',
      page: 'p1',
      spans: [{ start: 6, end: 10 }],
      text: 'Text',
      role: 'body',
      box: { x: 1000, y: 1500, w: 500, h: 750 },
    },
  ],
};

afterEach(cleanup);

const pct = (v: string) => Number.parseFloat(v);

describe('ScanView', () => {
  it('outlines each region at its box, scaled to the page coordinate space', () => {
    render(<ScanView page={page} colors={{ 'p1.1': 'rgb(200, 0, 0)' }} />);
    const head = screen.getByRole('button', { name: /Region p1.1: Kopf/ });
    expect([head.style.left, head.style.top, head.style.width, head.style.height].map(pct)).toEqual([5, 10, 50, 5]);
    expect(head.style.left.endsWith('%')).toBe(true);
    expect(head.style.border).toContain('rgb(200, 0, 0)');
    const img = screen.getByTestId('scan-surface').querySelector('img')!;
    expect(img.getAttribute('src')).toBe(page.image!.src);
    // The surface keeps the page's aspect ratio (2000 × 3000 → 800 × 1200 at zoom 1).
    expect(screen.getByTestId('scan-surface').style.width).toBe('800px');
    expect(screen.getByTestId('scan-surface').style.height).toBe('1200px');
  });

  it('click or Enter on a region selects its fragment; the selected one is marked', () => {
    const onSelect = vi.fn();
    const { rerender } = render(<ScanView page={page} onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: /p1.2/ }));
    expect(onSelect).toHaveBeenLastCalledWith('p1.2', { ctrl: false, shift: false });
    fireEvent.keyDown(screen.getByRole('button', { name: /p1.1/ }), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('p1.1', { ctrl: false, shift: false });
    fireEvent.click(screen.getByRole('button', { name: /p1.2/ }), { ctrlKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('p1.2', { ctrl: true, shift: false });
    rerender(<ScanView page={page} onSelect={onSelect} selectedId="p1.2" />);
    expect(screen.getByRole('button', { name: /p1.2/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /p1.1/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('draws marks: dashed for the pool, faded for the discard pile, a badge with the article number', () => {
    render(
      <ScanView
        page={page}
        colors={{ 'p1.1': 'rgb(230, 159, 0)', 'p1.2': 'rgb(75, 85, 99)' }}
        marks={{ 'p1.1': { badge: '3' }, 'p1.2': { dashed: true, faded: true } }}
        selectedIds={new Set(['p1.1'])}
      />,
    );
    const head = screen.getByRole('button', { name: /p1.1/ });
    const body = screen.getByRole('button', { name: /p1.2/ });
    expect(head).toHaveTextContent('3');
    expect(head.style.borderStyle).toBe('solid');
    expect(head).toHaveAttribute('aria-pressed', 'true');
    expect(body.style.borderStyle).toBe('dashed');
    expect(body.style.opacity).toBe('0.35');
    expect(body).toHaveAttribute('aria-pressed', 'false');
  });

  it('zooms with the buttons and keys, within limits', () => {
    render(<ScanView page={page} />);
    const surface = screen.getByTestId('scan-surface');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(surface.style.width).toBe('1000px');
    expect(screen.getByText('125%')).toBeInTheDocument();
    fireEvent.keyDown(surface, { key: '-' });
    expect(surface.style.width).toBe('800px');
    fireEvent.keyDown(surface, { key: '+' });
    fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(surface.style.width).toBe('800px');
    let z = 1;
    for (let i = 0; i < 50; i++) z = stepZoom(z, 1);
    expect(z).toBe(MAX_ZOOM);
  });

  it('without a scan it still shows the regions on a neutral ground; without coordinates it says so', () => {
    const { rerender } = render(<ScanView page={{ ...page, image: undefined }} />);
    expect(screen.getByText('No scan for this page')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /Region/ })).toHaveLength(2);
    rerender(
      <ScanView
        page={{ ...page, size: undefined, image: undefined, fragments: page.fragments.map(({ box: _box, ...f }) => f) }}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent('no region coordinates');
  });

  it('geometry: the space falls back to the scan size, then to the boxes', () => {
    expect(pageSpace({ ...page, size: undefined })).toEqual({ width: 1000, height: 1500 });
    expect(pageSpace({ ...page, size: undefined, image: undefined })).toEqual({ width: 1500, height: 2250 });
    expect(boxPercent({ x: 0, y: 0, w: 10, h: 10 }, { width: 100, height: 50 })).toEqual({
      left: '0.0000%',
      top: '0.0000%',
      width: '10.0000%',
      height: '20.0000%',
    });
  });
});
