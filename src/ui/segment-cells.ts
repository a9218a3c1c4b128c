import { createStore } from 'zustand/vanilla';
import type { SegmentCell } from '../host/segment-cells';
import { getHost } from '../store/host-instance';
import { session } from '../store/session';

// The customer counts the plan's target choosers show: the segment cells of the database the last report
// described, asked of the simulation host once per game and season reached, and kept while they describe it.

interface CellsState {
  /** The database the cells describe (stateKey), and the one being asked for. */
  key: string;
  cells: SegmentCell[] | null;
  pending: string | null;
}

export const segmentCells = createStore<CellsState>()(() => ({ key: '', cells: null, pending: null }));

/** The same scenario, seed and last state hash mean the same database (a state hash covers every customer). */
function stateKey(): string {
  const s = session.getState();
  return `${s.scenario?.id}|${s.run?.seed}|${s.reports.length}|${s.reports.at(-1)?.hash ?? ''}`;
}

/** The cells of the database shown now, or null while they are asked for (the store changes when they arrive). */
export function cellsNow(): SegmentCell[] | null {
  const key = stateKey();
  const c = segmentCells.getState();
  if (c.cells && c.key === key) return c.cells;
  if (c.pending !== key) {
    segmentCells.setState({ pending: key });
    getHost()
      .analytics()
      .then(
        (a) => {
          if (segmentCells.getState().pending === key) segmentCells.setState({ pending: null });
          // A season played or a game loaded meanwhile: these counts describe a database no longer shown.
          if (stateKey() !== key) return;
          segmentCells.setState({ key, cells: a.segments });
        },
        () => {
          if (segmentCells.getState().pending === key) segmentCells.setState({ pending: null });
        },
      );
  }
  return null;
}
