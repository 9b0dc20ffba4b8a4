import type { ReactNode } from 'react';
import './label-chip.css';

/** A label in its colour; `action` (a remove button) sits inside the chip. */
export function LabelChip({ name, color, action }: { name: string; color: string; action?: ReactNode }) {
  return (
    <span className="label-chip" style={{ ['--label-color' as string]: color }} data-testid="label-chip">
      <span className="label-chip__dot" aria-hidden="true" />
      {name}
      {action}
    </span>
  );
}
