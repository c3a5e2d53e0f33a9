import { useState } from "react";
import { useParams } from "react-router";
import { useQuery } from "urql";

import { Button } from "../../../components/Button";
import { SelectField, TextField } from "../../../components/Field";
import { Form, FormError } from "../../../components/Form";
import { ErrorNotice, Notice } from "../../../components/Notice";
import { Pager } from "../../../components/Pager";
import { Time } from "../../../components/Time";
import { Page, Section } from "../../../components/layouts/Page";
import type { SupportPlan, SupportReason } from "../../../gql/graphql";
import { errorMessage, formErrors } from "../../../lib/errors";
import { options, supportPlanLabels, supportReasonLabels } from "../../../lib/labels";
import { useApiMutation } from "../../../lib/mutation";
import { usePaging } from "../../../lib/paging";
import { useMembership } from "../../organizations/membership";
import { OrganizationGate } from "../../organizations/components/OrganizationGate";
import { ChangeSupportPlanMutation, GrantSupportAccessMutation, RevokeSupportAccessMutation, SupportQuery } from "../operations";

export function SupportPage() {
  const { orgId = "" } = useParams();
  const owner = useMembership(orgId)?.role === "OWNER";
  const paging = usePaging();
  const [result, refetch] = useQuery({ query: SupportQuery, variables: { id: orgId, ...paging.variables } });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const [revokeState, revoke] = useApiMutation(RevokeSupportAccessMutation);
  return (
    <OrganizationGate title="Support" result={result}>
      {(organization) => (
        <Page title={`Support for ${organization.name}`}>
          <Section title="Support plan">
            <p>
              {organization.supportPlan ? supportPlanLabels[organization.supportPlan] : "—"}
              {organization.supportResponseMinutes != null && ` (${organization.supportResponseMinutes} minutes to a first answer)`}
            </p>
            {owner && organization.supportPlan && <PlanForm organizationId={organization.id} plan={organization.supportPlan} onDone={reload} />}
          </Section>
          <Section title="Support access" description="Let platform staff act in this organization as a manager, for a reason, for up to 24 hours. Everything they do is marked in the audit log.">
            {owner && <GrantForm organizationId={organization.id} onDone={reload} />}
            <FormError message={formErrors(revokeState.error).form} />
            {!organization.supportGrants ? (
              <ErrorNotice message={errorMessage(result.error) ?? "The grants could not be loaded."} />
            ) : organization.supportGrants.edges.length === 0 ? (
              <p>No grant yet.</p>
            ) : (
              <>
                <ul className="item-list" aria-label="Support grants">
                  {organization.supportGrants.edges.map(({ node }) => (
                    <li key={node.id}>
                      <span>
                        {supportReasonLabels[node.reason]} · given <Time value={node.createdAt} /> ·{" "}
                        {node.active ? (
                          <>
                            <strong>active</strong> until <Time value={node.expiresAt} />
                          </>
                        ) : node.revokedAt ? (
                          <>
                            ended <Time value={node.revokedAt} />
                          </>
                        ) : (
                          <>
                            expired <Time value={node.expiresAt} />
                          </>
                        )}
                      </span>
                      {owner && node.active && (
                        <Button variant="danger" loading={revokeState.fetching} onClick={() => void revoke({ input: { id: node.id } }).then((r) => r.data && reload())}>
                          End this grant
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
                <Pager label="Pages of support grants" pageInfo={organization.supportGrants.pageInfo} totalCount={organization.supportGrants.totalCount} paging={paging} fetching={result.fetching} />
              </>
            )}
          </Section>
        </Page>
      )}
    </OrganizationGate>
  );
}

function PlanForm({ organizationId, plan: current, onDone }: { organizationId: string; plan: SupportPlan; onDone: () => void }) {
  const [plan, setPlan] = useState<SupportPlan>(current);
  const [state, change] = useApiMutation(ChangeSupportPlanMutation);
  const errors = formErrors(state.error, ["plan"]);
  return (
    <Form onSubmit={() => change({ input: { organizationId, plan } }).then((r) => r.data && onDone())} error={errors.form} label="Change the support plan">
      <SelectField label="Plan" value={plan} onChange={(e) => setPlan(e.target.value as SupportPlan)} options={options(supportPlanLabels)} error={errors.fields.plan} />
      <Button type="submit" loading={state.fetching} disabled={plan === current}>
        Change the plan
      </Button>
    </Form>
  );
}

function GrantForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const [reason, setReason] = useState<SupportReason>("TROUBLESHOOTING");
  const [hours, setHours] = useState("4");
  const [state, grant] = useApiMutation(GrantSupportAccessMutation);
  const errors = formErrors(state.error, ["reason", "hours"]);
  return (
    <Form onSubmit={() => grant({ input: { organizationId, reason, hours: Number(hours) } }).then((r) => r.data && onDone())} error={errors.form} label="Grant support access">
      <SelectField label="Why" value={reason} onChange={(e) => setReason(e.target.value as SupportReason)} options={options(supportReasonLabels)} error={errors.fields.reason} />
      <TextField label="For how many hours" name="hours" type="number" min={1} max={24} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} error={errors.fields.hours} hint="1 to 24." />
      <Button type="submit" loading={state.fetching}>
        Grant access
      </Button>
      {state.data && <Notice tone="success">Staff may act here until the grant ends.</Notice>}
    </Form>
  );
}
