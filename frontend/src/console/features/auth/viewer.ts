import { createContext, useContext } from "react";

import type { ViewerQuery as ViewerData } from "../../gql/graphql";

export type Viewer = ViewerData["me"];

export interface ViewerContextValue {
  viewer: Viewer;
  /** Ask the server again (after a change to memberships, MFA or the address). */
  refresh: () => void;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

/** The signed-in user; only inside the signed-in part of the console. */
export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error("useViewer outside the signed-in layout");
  return value;
}
