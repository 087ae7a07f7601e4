import { useRef } from 'react';

/** A vertical drag handle that resizes the pane on one side (pointer capture; arrow keys for keyboard users). */
export function Splitter({
  value,
  onChange,
  min,
  max,
  invert = false,
  label,
}: {
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
  invert?: boolean;
  label: string;
}) {
  const start = useRef<{ x: number; v: number } | null>(null);
  const clamp = (v: number) => Math.max(min, Math.min(max, v));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={-1}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, v: value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const dx = e.clientX - start.current.x;
        onChange(clamp(start.current.v + (invert ? -dx : dx)));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(clamp(value + (invert ? 20 : -20)));
        if (e.key === 'ArrowRight') onChange(clamp(value + (invert ? -20 : 20)));
      }}
    />
  );
}
