import type { CombinedError } from "@urql/core";
import type { ReactNode } from "react";
import { useParams } from "react-router";

import { ErrorNotice, Loading } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import type { OrganizationHeadFragment } from "../../../gql/graphql";
import { errorMessage, hasCode } from "../../../lib/errors";
import { useMembership } from "../membership";
import { BlockedView } from "./BlockedView";

/** An organization's page: loading, the blocked view when MFA_REQUIRED, an error, or the page. */
export function OrganizationGate<Org extends Omit<OrganizationHeadFragment, " $fragmentName">>({
  title,
  result,
  children,
}: {
  title: string;
  result: { fetching: boolean; error?: CombinedError; data?: { organization: Org } };
  children: (organization: Org) => ReactNode;
}) {
  const { orgId } = useParams();
  const membership = useMembership(orgId);
  const organization = result.data?.organization;
  if (hasCode(result.error, "MFA_REQUIRED")) {
    // organization(id:) itself answers MFA_REQUIRED to a blocked member; me.memberships
    // still names the organization and says whether (and since when) it enforces MFA.
    const blocked = organization ?? membership?.organization;
    if (blocked) return <BlockedView organization={blocked} />;
  }
  if (!organization) {
    return (
      <Page title={title}>
        {result.error ? <ErrorNotice message={errorMessage(result.error) ?? "This organization could not be loaded."} /> : <Loading />}
      </Page>
    );
  }
  return <>{children(organization)}</>;
}
