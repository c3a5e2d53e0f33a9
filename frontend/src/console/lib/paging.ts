// Relay paging: forward with first/after, backward with last/before.
import { useCallback, useState } from "react";

export interface PageVariables {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Paging {
  variables: PageVariables;
  /** 1 for the first page; counts as the reader moves. */
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: (startCursor: string | null | undefined) => void;
  reset: () => void;
}

export const PAGE_SIZE = 10;

export function usePaging(size: number = PAGE_SIZE): Paging {
  const [state, setState] = useState<{ variables: PageVariables; page: number }>({ variables: { first: size }, page: 1 });
  const next = useCallback(
    (endCursor: string | null | undefined) =>
      setState((s) => ({ variables: { first: size, after: endCursor ?? null }, page: s.page + 1 })),
    [size],
  );
  const previous = useCallback(
    (startCursor: string | null | undefined) =>
      setState((s) =>
        s.page <= 2
          ? { variables: { first: size }, page: 1 }
          : { variables: { last: size, before: startCursor ?? null }, page: s.page - 1 },
      ),
    [size],
  );
  const reset = useCallback(() => setState({ variables: { first: size }, page: 1 }), [size]);
  return { variables: state.variables, page: state.page, next, previous, reset };
}
