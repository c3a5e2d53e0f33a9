import type { CombinedError } from "@urql/core";
import type { ReactNode } from "react";

import { ErrorNotice, Loading } from "../../../components/Notice";
import { Page } from "../../../components/layouts/Page";
import { errorMessage, hasCode } from "../../../lib/errors";
import { BlockedView } from "./BlockedView";

interface OrganizationHead {
  id: string;
  name: string;
  mfaEnforced: boolean;
  mfaGraceUntil: string | null;
}

/** An organization's page: loading, the blocked view when MFA_REQUIRED, an error, or the page. */
export function OrganizationGate<Org extends OrganizationHead>({
  title,
  result,
  children,
}: {
  title: string;
  result: { fetching: boolean; error?: CombinedError; data?: { organization: Org } };
  children: (organization: Org) => ReactNode;
}) {
  const organization = result.data?.organization;
  if (organization && hasCode(result.error, "MFA_REQUIRED")) return <BlockedView organization={organization} />;
  if (!organization) {
    return (
      <Page title={title}>
        {result.error ? <ErrorNotice message={errorMessage(result.error) ?? "This organization could not be loaded."} /> : <Loading />}
      </Page>
    );
  }
  return <>{children(organization)}</>;
}
