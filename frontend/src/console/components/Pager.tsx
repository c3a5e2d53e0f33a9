import { getFragmentData, type FragmentType } from "../gql";
import type { Paging } from "../lib/paging";
import { Button } from "./Button";
import { PageInfoFieldsFragment } from "./operations";

/** Previous and next for a Relay connection, with where the reader is. */
export function Pager({
  label,
  pageInfo,
  totalCount,
  paging,
  fetching,
}: {
  label: string;
  pageInfo: FragmentType<typeof PageInfoFieldsFragment>;
  totalCount: number;
  paging: Paging;
  fetching?: boolean;
}) {
  const info = getFragmentData(PageInfoFieldsFragment, pageInfo);
  const hasPrevious = paging.page > 1;
  const hasNext = paging.variables.before ? true : info.hasNextPage;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={label}>
      <Button variant="secondary" disabled={!hasPrevious || fetching} onClick={() => paging.previous(info.startCursor)}>
        Previous page
      </Button>
      <span>
        Page {paging.page} · {totalCount} in all
      </span>
      <Button variant="secondary" disabled={!hasNext || fetching} onClick={() => paging.next(info.endCursor)}>
        Next page
      </Button>
    </nav>
  );
}
