import { useParams } from "react-router";
import { useQuery } from "urql";

import { ErrorNotice, Loading } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { Page } from "../../../components/layouts/Page";
import { errorMessage } from "../../../lib/errors";
import { usePaging } from "../../../lib/paging";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { MyAuditEventsQuery, OrganizationAuditEventsQuery } from "../operations";
import { AuditTable } from "./AuditLog";

/** Security events by or about the signed-in user. */
export function ActivityPage() {
  const paging = usePaging(20);
  const [result] = useQuery({ query: MyAuditEventsQuery, variables: paging.variables, requestPolicy: "cache-and-network" });
  const events = result.data?.me.auditEvents;
  return (
    <Page title="Activity" intro="Security events by you or about your account, newest first.">
      {!events ? (
        result.error ? <ErrorNotice message={errorMessage(result.error) ?? ""} /> : <Loading />
      ) : (
        <>
          <AuditTable events={events.edges.map((e) => e.node)} caption="Your security events, newest first" />
          <Pager label="Pages of activity" pageInfo={events.pageInfo} totalCount={events.totalCount} paging={paging} fetching={result.fetching} />
        </>
      )}
    </Page>
  );
}

/** The organization's audit log (owners only). */
export function OrganizationAuditLogPage() {
  const { orgId = "" } = useParams();
  const paging = usePaging(20);
  const [result] = useQuery({ query: OrganizationAuditEventsQuery, variables: { id: orgId, ...paging.variables }, requestPolicy: "cache-and-network" });
  return (
    <OrganizationGate title="Audit log" result={result}>
      {(organization) => (
        <Page title={`Audit log of ${organization.name}`} intro="Security events in this organization, newest first.">
          {organization.auditEvents ? (
            <>
              <AuditTable events={organization.auditEvents.edges.map((e) => e.node)} caption="Audit events, newest first" />
              <Pager label="Pages of the audit log" pageInfo={organization.auditEvents.pageInfo} totalCount={organization.auditEvents.totalCount} paging={paging} fetching={result.fetching} />
            </>
          ) : (
            <ErrorNotice message={errorMessage(result.error) ?? "The audit log could not be loaded."} />
          )}
        </Page>
      )}
    </OrganizationGate>
  );
}
