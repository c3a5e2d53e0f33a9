import { useViewer } from "../auth/viewer";

/** The signed-in user's membership of an organization, from me.memberships. */
export function useMembership(organizationId: string | undefined) {
  const { viewer } = useViewer();
  return viewer.memberships.edges.map((e) => e.node).find((m) => m.organization.id === organizationId) ?? null;
}
